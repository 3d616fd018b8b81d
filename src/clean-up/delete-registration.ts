import { ActionError } from '../action-error.js'
import { ConnectError } from '../api/connect-error.js'
import { withRetries, type RetryLog } from '../api/retry.js'
import type { RunnerService } from '../api/runner-service.js'

export type DeleteOutcome = 'deleted' | 'already-gone'

/** Codes after which trying again cannot help: a person has to act. */
const NEEDS_A_PERSON = new Set(['unauthenticated', 'permission_denied'])

/**
 * Deletes the registration (never forced), retrying what is transient. `not_found` means it is
 * already gone, which is what we wanted.
 */
export async function deleteRegistration(
  service: RunnerService,
  runnerId: string,
  options: { deadline: number; log: RetryLog },
): Promise<DeleteOutcome> {
  try {
    await withRetries(
      'DeleteRunner',
      {
        attempts: 5,
        baseDelayMs: 500,
        maxDelayMs: 8000,
        deadline: options.deadline,
        log: options.log,
      },
      () => service.deleteRunner(runnerId),
    )
    return 'deleted'
  } catch (error) {
    if (error instanceof ConnectError && error.code === 'not_found') return 'already-gone'
    const reason = error instanceof Error ? error.message : String(error)
    const byHand = NEEDS_A_PERSON.has((error as ConnectError).code)
      ? 'Remove it by hand with a token that may delete runners'
      : 'Remove it by hand'
    throw new ActionError(
      `Could not delete runner ${runnerId}: ${reason}. ${byHand}: in the Gitpod dashboard ` +
        `(Settings > Runners), or with DeleteRunner {"runnerId": "${runnerId}"}.`,
    )
  }
}
