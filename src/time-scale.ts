/**
 * The test-only time scale (docs/architecture.md). Every duration of the keep-alive machinery
 * goes through `scaled()`, so that one variable speeds up the emulator's lifetime, the keeper's
 * interval, jitter, backoff and timeouts, and the post step's lapse detection together.
 */
export const TIME_SCALE_VARIABLE = 'GITPOD_RUNNER_ACTION_TIME_SCALE'

export function timeScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[TIME_SCALE_VARIABLE]
  if (!raw) return 1
  const value = Number(raw)
  return Number.isFinite(value) && value > 0 ? value : 1
}

/** `ms` in the scaled clock, never below one millisecond. */
export function scaled(ms: number, env: NodeJS.ProcessEnv = process.env): number {
  return Math.max(1, Math.round(ms * timeScale(env)))
}

/** The API's registration lifetime: renew at least this often. */
export const REGISTRATION_LIFETIME_MS = 30_000
