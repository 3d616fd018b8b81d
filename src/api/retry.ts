import { ConnectError } from './connect-error.js'

export interface RetryLog {
  info(message: string): void
  debug(message: string): void
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Epoch ms: no attempt starts after it. */
  deadline?: number
  /**
   * When set, a wait that would pass the deadline is cut short so that one last attempt of this
   * long still fits before it, instead of giving up (for a renewal, trying against a server's
   * Retry-After beats a certain lapse).
   */
  lastAttemptMs?: number
  log?: RetryLog
  /** Replaceable in tests; `Math.random` otherwise. */
  random?: () => number
}

/** Codes that say "not now" rather than "no": the same request may well succeed later. */
const TRANSIENT = new Set(['unavailable', 'resource_exhausted', 'deadline_exceeded'])

export function isTransient(error: unknown): boolean {
  return error instanceof ConnectError && TRANSIENT.has(error.code)
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the attempts or the deadline run out.
 * The wait before a retry is the server's `Retry-After` when it gave one, otherwise capped
 * exponential backoff with jitter, as the official SDKs do: base * 2^n, at most max, minus up
 * to 25 %.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  attempt: (number: number) => Promise<T>,
  retryable: (error: unknown) => boolean = isTransient,
): Promise<T> {
  const random = policy.random ?? Math.random
  for (let number = 1; ; number++) {
    const started = Date.now()
    try {
      const result = await attempt(number)
      policy.log?.debug(`${what}: attempt ${number} succeeded in ${Date.now() - started} ms`)
      return result
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      policy.log?.debug(
        `${what}: attempt ${number} failed in ${Date.now() - started} ms: ${reason}`,
      )
      if (number >= policy.attempts || !retryable(error)) throw error

      const wait = fitWait(retryDelayMs(error, number, policy, random), policy)
      if (wait === undefined) throw error
      policy.log?.info(
        `${what}: attempt ${number + 1} of ${policy.attempts} in ${formatSeconds(wait)} (${reason})`,
      )
      await sleep(wait)
    }
  }
}

/** The wait before the next attempt, or undefined when no attempt fits before the deadline. */
function fitWait(wait: number, policy: RetryPolicy): number | undefined {
  if (policy.deadline === undefined) return wait
  const left = policy.deadline - Date.now()
  if (wait < left) return wait
  if (policy.lastAttemptMs === undefined || left <= policy.lastAttemptMs) return undefined
  return left - policy.lastAttemptMs
}

export function retryDelayMs(
  error: unknown,
  failedAttempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const asked = error instanceof ConnectError ? error.retryAfterMs : undefined
  if (asked !== undefined) return asked
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1))
  return Math.round(backoff * (1 - random() * 0.25))
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}
