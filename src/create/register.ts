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
  /** Missing for an adopted runner until `settleUnansweredCreate` mints one. */
  exchangeToken?: string
  /** Deprecated by the API; only when it still returns one. */
  accessToken?: string
  /** True when the create got no answer and the runner it made was found and taken over. */
  adopted: boolean
  /** True when an attempt got no answer: it may have left a duplicate behind. */
  unanswered: boolean
  /** Duplicates already found, to delete once the registration is safe (renewed). */
  duplicates: Runner[]
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
      return { ...response, adopted: false, unanswered, duplicates: [] }
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
  context.log.info(`Runner "${name}" (${runner.runnerId}) was created; using it.`)
  return { runner, adopted: true, unanswered: true, duplicates }
}

/**
 * What an unanswered create leaves to do, once the registration is renewed and so not at risk:
 * an adopted runner gets a new exchange token (the one in the lost answer is gone), and runners
 * the unanswered attempt may have made besides are deleted. That is only when the name was
 * generated, which proves they are this step's own; the post step warns about the others.
 */
export async function settleUnansweredCreate(
  registration: Registration,
  context: CreateContext,
): Promise<void> {
  const { runner } = registration
  const policy = callPolicy(context.deadline, context.log)

  if (registration.adopted) {
    const tokens = await withRetries('CreateRunnerToken', policy, () =>
      context.service.createRunnerToken(runner.runnerId),
    )
    maskTokens(tokens.exchangeToken, tokens.accessToken)
    Object.assign(registration, tokens)
  }
  if (!context.nameGenerated) return

  const found = await findCreatedRunners(context.service, runner.name ?? '', context)
  const ids = new Set(registration.duplicates.map((duplicate) => duplicate.runnerId))
  for (const duplicate of found)
    if (duplicate.runnerId !== runner.runnerId) ids.add(duplicate.runnerId)
  for (const id of ids) {
    context.log.info(`Deleting duplicate runner ${id} left by an unanswered create.`)
    await withRetries('DeleteRunner', policy, () => context.service.deleteRunner(id))
  }
}

function maskTokens(...tokens: (string | undefined)[]): void {
  for (const token of tokens) if (token) core.setSecret(token)
}
