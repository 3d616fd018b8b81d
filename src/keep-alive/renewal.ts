import { ConnectError } from '../api/connect-error.js'
import type { RunnerService } from '../api/runner-service.js'

/**
 * How a registration is renewed: the runner heartbeat MarkRunnerActive, an UpdateRunner that
 * rewrites the runner's own name (a "touch"), or not at all.
 */
export type RenewalMethod = 'mark-active' | 'update-runner' | 'none'

export interface RenewedRunner {
  runnerId: string
  name: string
}

/** One renewal attempt; retries and timing are the caller's (main's first renewal, the keeper). */
export async function renew(
  service: RunnerService,
  method: Exclude<RenewalMethod, 'none'>,
  runner: RenewedRunner,
): Promise<void> {
  if (method === 'mark-active') {
    await service.markRunnerActive(runner.runnerId)
    return
  }
  await service.updateRunnerName(runner.runnerId, runner.name)
}

/**
 * Answers that no later renewal can change: the runner is gone, or the token no longer may
 * renew it. Everything else (rate limits, outages, timeouts, a proxy's error page) may pass.
 */
const FINAL_CODES = new Set(['not_found', 'unauthenticated', 'permission_denied'])

export function isFinalRenewalError(error: unknown): boolean {
  return error instanceof ConnectError && FINAL_CODES.has(error.code)
}
