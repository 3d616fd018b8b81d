import * as core from '@actions/core'

import { ActionError } from '../action-error.js'
import { ConnectError } from '../api/connect-error.js'
import { withRetries } from '../api/retry.js'
import { RunnerService } from '../api/runner-service.js'
import type { Runner } from '../api/types.js'
import { REGISTRATION_LIFETIME_MS, scaled } from '../time-scale.js'
import { renew } from './renewal.js'

/** Codes that say this deployment will not take this kind of renewal at all. */
const REFUSALS = new Set(['permission_denied', 'unimplemented', 'not_found'])

const ALTERNATIVE = {
  'mark-active': '`renewal: update-runner` (renews with UpdateRunner)',
  'update-runner': '`renewal: mark-active` (renews with MarkRunnerActive)',
}

/**
 * The first renewal, made by the main step itself right after the create, so that a deployment
 * that refuses the renewal call fails the step at once instead of lapsing later. Everything is
 * bounded by the registration's lifetime, not the step's: each attempt may take a fifth of it,
 * retries are spread within four fifths of it, and a server's Retry-After that would not fit is
 * cut short for one last attempt. Returns when it succeeded (epoch ms).
 */
export async function firstRenewal(
  endpoint: { baseUrl: string; token: string },
  method: 'mark-active' | 'update-runner',
  runner: Runner,
): Promise<number> {
  const lifetime = scaled(REGISTRATION_LIFETIME_MS)
  const deadline = Date.now() + lifetime * 0.8
  const service = new RunnerService({ ...endpoint, timeoutMs: lifetime / 5, deadline })
  const policy = {
    attempts: 8,
    baseDelayMs: scaled(500),
    maxDelayMs: scaled(4000),
    deadline,
    lastAttemptMs: lifetime / 5,
    log: core,
  }

  try {
    await withRetries('First renewal', policy, () =>
      renew(service, method, { runnerId: runner.runnerId, name: runner.name ?? '' }),
    )
    return Date.now()
  } catch (error) {
    if (error instanceof ConnectError && REFUSALS.has(error.code)) {
      throw new ActionError(
        `The first renewal of runner ${runner.runnerId} was refused: ${error.message}. ` +
          `Set the \`renewal\` input to ${ALTERNATIVE[method]}, or to \`none\` when the job ` +
          'starts the runner itself (it then keeps its own heartbeat).',
      )
    }
    throw error
  }
}
