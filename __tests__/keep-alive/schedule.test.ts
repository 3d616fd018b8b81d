import { describe, expect, it } from '@jest/globals'

import { ConnectError } from '../../src/api/connect-error.js'
import {
  attemptTimeoutMs,
  isLapsed,
  nextRenewalAt,
  retryAt,
  type RenewalTiming,
} from '../../src/keep-alive/schedule.js'

const timing: RenewalTiming = { intervalMs: 10_000, lifetimeMs: 30_000, minAttemptMs: 250 }
/** A lifetime long enough that the lapse never limits the backoff. */
const slowLapse: RenewalTiming = { ...timing, lifetimeMs: 1_000_000 }
const never = () => 0
const always = () => 0.999_999
const unavailable = new ConnectError('MarkRunnerActive', 'unavailable', '', 'yes', 503)
const rateLimited = (retryAfterMs: number) =>
  new ConnectError('MarkRunnerActive', 'resource_exhausted', '', 'yes', 429, retryAfterMs)

describe('nextRenewalAt', () => {
  it('renews one interval after the last success at the latest', () => {
    expect(nextRenewalAt(1_000, timing, never)).toBe(11_000)
  })

  it('takes up to a tenth of the interval off, never more', () => {
    expect(nextRenewalAt(1_000, timing, always)).toBe(10_000)
    expect(nextRenewalAt(1_000, timing, () => 0.5)).toBe(10_500)
  })

  it('spreads keepers that renewed at the same moment', () => {
    const times = new Set([0.1, 0.3, 0.6, 0.9].map((r) => nextRenewalAt(0, timing, () => r)))
    expect(times.size).toBe(4)
  })
})

describe('retryAt', () => {
  const lastSuccess = 0

  it('starts at a tenth of the interval and doubles', () => {
    const waits = [1, 2, 3].map(
      (failures) => retryAt(12_000, lastSuccess, failures, unavailable, slowLapse, never) - 12_000,
    )
    expect(waits).toEqual([1_000, 2_000, 4_000])
  })

  it('never waits longer than an interval between attempts', () => {
    expect(retryAt(0, 0, 10, unavailable, slowLapse, never)).toBe(10_000)
  })

  it('waits less by up to a quarter, at random', () => {
    expect(retryAt(12_000, lastSuccess, 1, unavailable, timing, always)).toBe(12_750)
  })

  it("honours the server's Retry-After when it fits before the lapse", () => {
    expect(retryAt(12_000, lastSuccess, 1, rateLimited(5_000), timing, never)).toBe(17_000)
  })

  it('retries before the lapse even if the server asked for a longer wait', () => {
    // The lapse is at 30 000; the attempt still needs its 250 ms.
    expect(retryAt(25_000, lastSuccess, 1, rateLimited(60_000), timing, never)).toBe(29_750)
  })

  it('cuts backoff short to keep a last attempt before the lapse', () => {
    expect(retryAt(29_000, lastSuccess, 5, unavailable, timing, never)).toBe(29_750)
  })

  it('falls back to plain backoff once the registration has lapsed', () => {
    expect(retryAt(31_000, lastSuccess, 6, unavailable, timing, never)).toBe(41_000)
  })

  it('waits no longer than an interval after a lapse, whatever the server asks', () => {
    // A lost answer may have renewed after all: a minute's wait could make the lapse real.
    expect(retryAt(31_000, lastSuccess, 1, rateLimited(60_000), timing, never)).toBe(41_000)
  })

  it('does not turn a zero Retry-After into a busy loop', () => {
    expect(retryAt(12_000, lastSuccess, 1, rateLimited(0), timing, never)).toBe(12_500)
  })
})

describe('attemptTimeoutMs', () => {
  it('allows an interval when the registration has time left', () => {
    expect(attemptTimeoutMs(10_000, 0, timing)).toBe(10_000)
  })

  it('allows no more than the time left before the lapse', () => {
    expect(attemptTimeoutMs(27_000, 0, timing)).toBe(3_000)
  })

  it('never allows less than the shortest useful attempt', () => {
    expect(attemptTimeoutMs(29_900, 0, timing)).toBe(250)
  })

  it('allows an interval again once the registration has lapsed', () => {
    expect(attemptTimeoutMs(45_000, 0, timing)).toBe(10_000)
  })
})

describe('isLapsed', () => {
  it('is lapsed only after a whole lifetime without renewal', () => {
    expect(isLapsed(30_000, 0, timing)).toBe(false)
    expect(isLapsed(30_001, 0, timing)).toBe(true)
  })
})
