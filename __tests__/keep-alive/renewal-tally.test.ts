import { describe, expect, it } from '@jest/globals'

import { RenewalTally } from '../../src/keep-alive/renewal-tally.js'

const start = {
  pid: 77,
  instance: 'a',
  runnerId: 'runner-1',
  startedAt: 1_000,
  lastRenewalAt: 500,
  lifetimeMs: 3_000,
}

describe('RenewalTally', () => {
  it("counts the first gap from the main step's renewal", () => {
    const tally = new RenewalTally(start)

    expect(tally.succeeded(1_500)).toEqual({ gapMs: 1_000, endedLapse: false })
    tally.succeeded(2_700)

    expect(tally.snapshot(2_800)).toMatchObject({
      renewals: 2,
      lastSuccessAt: 2_700,
      longestGapMs: 1_200,
      lapses: 0,
      updatedAt: 2_800,
    })
  })

  it('notes a lapse once, and its end at the next renewal', () => {
    const tally = new RenewalTally(start)
    tally.failed('MarkRunnerActive failed with unavailable')

    expect(tally.checkLapse(3_500)).toBe(false)
    expect(tally.checkLapse(3_501)).toBe(true)
    expect(tally.checkLapse(4_000)).toBe(false)
    expect(tally.snapshot(4_000)).toMatchObject({ lapsed: true, lapses: 1, failures: 1 })

    expect(tally.succeeded(5_000)).toEqual({ gapMs: 4_500, endedLapse: true })
    expect(tally.snapshot(5_000)).toMatchObject({ lapsed: false, lapses: 1, longestGapMs: 4_500 })
    expect(tally.snapshot(5_000).lastError).toBeUndefined()
  })

  it('counts a lapse that one slow attempt spanned', () => {
    const tally = new RenewalTally(start)
    expect(tally.succeeded(4_000).endedLapse).toBe(true)
    expect(tally.snapshot(4_000).lapses).toBe(1)
  })

  it('records why it stopped', () => {
    const tally = new RenewalTally(start)
    tally.stop(9_000, 'final-error', 'MarkRunnerActive failed with not_found')

    expect(tally.stopped).toBe(true)
    expect(tally.snapshot(9_000)).toMatchObject({
      state: 'stopped',
      stopReason: 'final-error',
      stopDetail: 'MarkRunnerActive failed with not_found',
      stoppedAt: 9_000,
    })
  })
})
