import { retryDelayMs } from '../api/retry.js'

/**
 * When the keeper renews, retries and gives up on an attempt. Pure: the clock reading and the
 * random source are arguments, so every rule here is tested without waiting.
 */
export interface RenewalTiming {
  intervalMs: number
  /** How long a registration lasts without renewal. */
  lifetimeMs: number
  /** The shortest attempt worth making: a request cut shorter cannot get an answer back. */
  minAttemptMs: number
  /**
   * The time kept free before the lapse for one last attempt: an earlier attempt gives up in
   * time to leave it, and a retry that would wait past its start comes at its start. It must
   * cover a whole renewal on a fresh connection (DNS, TCP, TLS, a proxy), since a failed attempt
   * drops the old one. Default: none, so the last attempt starts `minAttemptMs` before the lapse.
   */
  lastAttemptMs?: number
}

/**
 * Up to this share of the interval comes off each renewal, so that the legs of a matrix started
 * together drift apart instead of renewing in lockstep. Only earlier, never later.
 */
export const JITTER_SHARE = 0.1

export function nextRenewalAt(
  lastSuccessAt: number,
  timing: RenewalTiming,
  random: () => number,
): number {
  const jitter = random() * JITTER_SHARE * timing.intervalMs
  return Math.round(lastSuccessAt + timing.intervalMs - jitter)
}

export function lapsesAt(lastSuccessAt: number, timing: RenewalTiming): number {
  return lastSuccessAt + timing.lifetimeMs
}

export function isLapsed(now: number, lastSuccessAt: number, timing: RenewalTiming): boolean {
  return now > lapsesAt(lastSuccessAt, timing)
}

/**
 * When to try again after `failures` failed attempts in a row: exponential backoff from a tenth
 * of the interval up to the interval, or the server's Retry-After, but never so late that the
 * registration lapses before the retry can finish: by the start of the last attempt's time at
 * the latest, and within it, after the shortest wait. Once it seems to have lapsed, backoff
 * continues, capped at one interval, until a renewal gets through.
 */
export function retryAt(
  now: number,
  lastSuccessAt: number,
  failures: number,
  error: unknown,
  timing: RenewalTiming,
  random: () => number,
): number {
  const backoff = { baseDelayMs: timing.intervalMs / 10, maxDelayMs: timing.intervalMs }

  // A server asking for no wait at all must not turn the keeper into a busy loop.
  const shortest = backoff.baseDelayMs / 2
  const wait = Math.max(retryDelayMs(error, failures, backoff, random), shortest)

  const lapseAt = lapsesAt(lastSuccessAt, timing)
  const lastAttemptAt = lapseAt - Math.max(timing.lastAttemptMs ?? 0, timing.minAttemptMs)
  if (now < lastAttemptAt) return Math.round(now + Math.min(wait, lastAttemptAt - now))

  const latestStart = lapseAt - timing.minAttemptMs
  if (now < latestStart) return Math.round(now + Math.min(shortest, latestStart - now))

  // Past the lapse as the keeper sees it. An attempt whose answer was lost may still have renewed
  // on the server, so a long Retry-After could turn a lapse that never happened into a real one:
  // never wait longer than an interval.
  return Math.round(now + Math.min(wait, timing.intervalMs))
}

/**
 * How long one attempt may take: an interval at most, and no longer than the registration has
 * left, since an answer after the lapse comes too late to prevent it. While there is time for
 * a last attempt after it, it gives up in time to leave that attempt its `lastAttemptMs`.
 */
export function attemptTimeoutMs(
  now: number,
  lastSuccessAt: number,
  timing: RenewalTiming,
): number {
  const left = lapsesAt(lastSuccessAt, timing) - now
  if (left <= 0) return Math.max(timing.minAttemptMs, timing.intervalMs)

  const beforeLastAttempt = left - (timing.lastAttemptMs ?? 0)
  const timeout = beforeLastAttempt >= timing.minAttemptMs ? beforeLastAttempt : left
  return Math.max(timing.minAttemptMs, Math.round(Math.min(timing.intervalMs, timeout)))
}
