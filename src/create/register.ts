import * as core from '@actions/core'

import { callPolicy } from '../api/call-policy.js'
import { ConnectError } from '../api/connect-error.js'
import { isTransient, retryDelayMs, sleep, withRetries, type RetryLog } from '../api/retry.js'
import type { RunnerService } from '../api/runner-service.js'
import type { Runner } from '../api/types.js'
import type { Cancellation } from '../cancellation.js'
import { saveState } from '../state.js'
import { findCreatedRunners } from './find-created-runner.js'

export interface Registration {
  runner: Runner
  exchangeToken?: string
  /** Deprecated by the API; only when it still returns one. */
  accessToken?: string
  /** True when the create got no answer and the runner it made was found and taken over. */
  adopted: boolean
}

export interface CreateContext {
  service: RunnerService
  /** Whether this step generated the name, which makes a runner of that name provably ours. */
  nameGenerated: boolean
  /** Epoch ms when the step began. */
  startedAt: number
  /** Epoch ms after which no new attempt starts. */
  deadline: number
  cancellation?: Pick<Cancellation, 'requested'>
  log: RetryLog
}

/**
 * Creates the registration. CreateRunner is not idempotent, so a request that may have reached the
 * server is never simply sent again: the runner it may have made is looked for first, and adopted
 * when it is provably this step's (see find-created-runner.ts).
 */
export async function createRegistration(
  request: { name: string },
  context: CreateContext,
): Promise<Registration> {
  const { attempts } = callPolicy(context.deadline, context.log)
  let unanswered = false
  saveState('createMayExist', true)

  for (let attempt = 1; ; attempt++) {
    try {
      const response = await context.service.createRunner(request)
      maskTokens(response.exchangeToken, response.accessToken)
      saveState('runnerId', response.runner.runnerId)
      if (unanswered) await removeDuplicates(request.name, response.runner, context)
      return { ...response, adopted: false }
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error

      if (error.delivery === 'maybe') {
        if (!unanswered) saveState('createUnanswered', true)
        unanswered = true
        const adopted = await adoptIfCreated(request.name, context, error)
        if (adopted) return adopted
      } else if (!isTransient(error) && error.delivery !== 'no') {
        if (!unanswered) saveState('createMayExist', false)
        throw error
      }

      const wait = retryDelayMs(error, attempt, { baseDelayMs: 500, maxDelayMs: 8000 })
      const outOfTime = Date.now() + wait >= context.deadline
      if (attempt >= attempts || outOfTime || context.cancellation?.requested) {
        // Every answer so far said no runner was made: nothing for the post step to look for.
        if (!unanswered) saveState('createMayExist', false)
        throw error
      }
      context.log.info(
        `CreateRunner: attempt ${attempt + 1} of ${attempts} in ` +
          `${(wait / 1000).toFixed(1)} s (${error.message})`,
      )
      await sleep(wait)
    }
  }
}

async function adoptIfCreated(
  name: string,
  context: CreateContext,
  cause: ConnectError,
): Promise<Registration | undefined> {
  context.log.info(`CreateRunner got no answer (${cause.detail}); looking for runner "${name}".`)
  const [runner, ...duplicates] = await findCreatedRunners(context.service, name, context)
  if (!runner) return undefined

  saveState('runnerId', runner.runnerId)
  await deleteDuplicates(duplicates, context)

  // The exchange token was in the answer that never came: mint a new one for this runner.
  const tokens = await withRetries(
    'CreateRunnerToken',
    callPolicy(context.deadline, context.log),
    () => context.service.createRunnerToken(runner.runnerId),
  )
  maskTokens(tokens.exchangeToken, tokens.accessToken)
  context.log.info(`Runner "${name}" (${runner.runnerId}) was created; using it.`)
  return { runner, ...tokens, adopted: true }
}

/**
 * After an unanswered attempt and a later success, the unanswered one may have created a runner
 * too, one the lookup could not see yet. With a generated name it is provably ours: delete it.
 */
async function removeDuplicates(name: string, kept: Runner, context: CreateContext): Promise<void> {
  if (!context.nameGenerated) return
  const found = await findCreatedRunners(context.service, name, context)
  await deleteDuplicates(
    found.filter((runner) => runner.runnerId !== kept.runnerId),
    context,
  )
}

async function deleteDuplicates(duplicates: Runner[], context: CreateContext): Promise<void> {
  for (const duplicate of duplicates) {
    context.log.info(
      `Deleting duplicate runner ${duplicate.runnerId} left by an unanswered create.`,
    )
    await withRetries('DeleteRunner', callPolicy(context.deadline, context.log), () =>
      context.service.deleteRunner(duplicate.runnerId),
    )
  }
}

function maskTokens(...tokens: (string | undefined)[]): void {
  for (const token of tokens) if (token) core.setSecret(token)
}
