import * as core from '@actions/core'

import { ActionError } from '../action-error.js'
import { callPolicy } from '../api/call-policy.js'
import { sleep, withRetries } from '../api/retry.js'
import type { RunnerService } from '../api/runner-service.js'
import { scaled } from '../time-scale.js'

const POLL_INTERVAL_MS = 2_000

/**
 * Polls GetRunner until the runner's status.phase is `phase`, or `timeoutMs` passes. Returns the
 * phase it saw last. A timeout fails the step; the registration stays for the post step.
 */
export async function waitForPhase(
  service: RunnerService,
  runnerId: string,
  phase: string,
  timeoutMs: number,
): Promise<string> {
  const until = Date.now() + scaled(timeoutMs)
  core.info(
    `Waiting up to ${Math.round(timeoutMs / 1000)} s for runner ${runnerId} to be ${phase}.`,
  )

  for (;;) {
    const runner = await withRetries('GetRunner', callPolicy(until, core), () =>
      service.getRunner(runnerId),
    )
    const seen = runner.status?.phase ?? 'RUNNER_PHASE_UNSPECIFIED'
    core.debug(`Runner ${runnerId} is ${seen}.`)
    if (seen === phase) {
      core.info(`Runner ${runnerId} is ${phase}.`)
      return seen
    }

    const wait = scaled(POLL_INTERVAL_MS)
    if (Date.now() + wait > until) {
      core.setOutput('phase', seen)
      throw new ActionError(
        `Runner ${runnerId} did not become ${phase} within the \`wait-timeout\` of ` +
          `${Math.round(timeoutMs / 1000)} s (last seen: ${seen}). Raise \`wait-timeout\`, or ` +
          'check that whatever brings the runner up (a managed runner, a deployment) is running; ' +
          'the registration is deleted in the post step.',
      )
    }
    await sleep(wait)
  }
}
