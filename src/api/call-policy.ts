import type { RetryLog, RetryPolicy } from './retry.js'

/** One API call's own limit, connect to last byte, however much of the step is left. */
export const CALL_TIMEOUT_MS = 30_000

/**
 * The one retry policy for the calls the main and post steps make: five attempts, capped
 * exponential backoff with jitter (0.5 s doubling to 8 s, or the server's Retry-After), and
 * never past the step's deadline.
 */
export function callPolicy(deadline: number, log: RetryLog): RetryPolicy {
  return { attempts: 5, baseDelayMs: 500, maxDelayMs: 8000, deadline, log }
}
