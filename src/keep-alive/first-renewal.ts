import * as core from '@actions/core'

import { ActionError } from '../action-error.js'
import { ConnectError } from '../api/connect-error.js'
import { withRetries } from '../api/retry.js'
import type { RunnerService } from '../api/runner-service.js'
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
 * The first renewal, made by the main step itself before it returns, so that a deployment that
 * refuses the renewal call fails the step at once instead of lapsing later. Returns when it
 * succeeded (epoch ms).
 */
export async function firstRenewal(
  service: RunnerService,
  method: 'mark-active' | 'update-runner',
  runner: Runner,
): Promise<number> {
  const deadline = Date.now() + scaled(REGISTRATION_LIFETIME_MS) / 2
  try {
    await withRetries(
      'First renewal',
      { attempts: 4, baseDelayMs: scaled(500), maxDelayMs: scaled(4000), deadline, log: core },
      () => renew(service, method, { runnerId: runner.runnerId, name: runner.name ?? '' }),
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
