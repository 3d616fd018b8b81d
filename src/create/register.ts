import * as core from '@actions/core'

import { callPolicy } from '../api/call-policy.js'
import { ConnectError } from '../api/connect-error.js'
import { isTransient, withRetries, type RetryLog } from '../api/retry.js'
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
  let unanswered = false
  saveState('createMayExist', true)

  // One attempt: the create, or after an unanswered one, the runner it turns out to have made.
  const attempt = async (): Promise<Registration> => {
    try {
      const response = await context.service.createRunner(request)
      maskTokens(response.exchangeToken, response.accessToken)
      saveState('runnerId', response.runner.runnerId)
      return { ...response, adopted: false, unanswered, duplicates: [] }
    } catch (error) {
      if (!(error instanceof ConnectError) || error.delivery !== 'maybe') throw error
      if (!unanswered) saveState('createUnanswered', true)
      unanswered = true
      const adopted = await adoptIfCreated(request.name, context, error)
      if (adopted) return adopted
      throw error
    }
  }

  // Sent again: what never left this machine, what the server says may work later, and what
  // got no answer and was not found.
  const retryable = (error: unknown) =>
    !context.cancellation?.requested &&
    error instanceof ConnectError &&
    (error.delivery !== 'yes' || isTransient(error))

  try {
    return await withRetries(
      'CreateRunner',
      callPolicy(context.deadline, context.log),
      attempt,
      retryable,
    )
  } catch (error) {
    // Every answer said no runner was made: nothing for the post step to look for.
    if (!unanswered) saveState('createMayExist', false)
    throw error
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
