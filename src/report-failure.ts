import * as core from '@actions/core'

import { ActionError } from './action-error.js'
import { ConnectError } from './api/connect-error.js'

/**
 * Fails the step with exactly one error annotation: on the spec file's line when the mistake is
 * there. Only an unexpected error (a bug) gets its stack, and only in the debug log.
 */
export function reportFailure(error: unknown): void {
  process.exitCode = 1

  if (error instanceof ActionError) {
    core.error(error.message, error.annotation ?? {})
    return
  }
  if (error instanceof ConnectError) {
    core.error(error.message)
    return
  }

  const message = error instanceof Error ? error.message : String(error)
  core.error(`Unexpected failure: ${message}. Re-run with debug logging for details.`)
  if (error instanceof Error && error.stack) core.debug(error.stack)
}
