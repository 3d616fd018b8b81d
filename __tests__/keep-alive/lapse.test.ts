import { describe, expect, it } from '@jest/globals'

import type { KeeperStatus } from '../../src/keep-alive/keeper-status.js'
import { assessRenewals } from '../../src/keep-alive/lapse.js'

const context = {
  runnerId: 'runner-1',
  lifetimeMs: 30_000,
  firstRenewalAt: 0,
  postStartedAt: 120_000,
}

const status: KeeperStatus = {
  pid: 9,
  instance: 'a',
  runnerId: 'runner-1',
  startedAt: 0,
  updatedAt: 120_000,
  state: 'stopped',
  renewals: 12,
  failures: 1,
  lastSuccessAt: 119_000,
  longestGapMs: 12_400,
  lapses: 0,
  lapsed: false,
  stopReason: 'stopped-by-post',
  stoppedAt: 120_100,
}

describe('assessRenewals', () => {
  it('counts the main step renewal with the keeper ones', () => {
    const figures = assessRenewals(status, context)

    expect(figures).toMatchObject({ known: true, lapsed: false, openGapMs: 1_000, renewals: 13 })
    expect(figures.summary).toBe(
      "Renewals: 13 (the main step's first and 12 by the keeper), 1 failed attempt, " +
        'longest gap 12.4 s; the keeper was stopped by the post step.',
    )
    expect(figures.lapseMessage).toBe('')
  })

  it('finds a lapse in a gap between renewals longer than the lifetime', () => {
    const figures = assessRenewals({ ...status, longestGapMs: 31_000 }, context)

    expect(figures.lapsed).toBe(true)
    expect(figures.lapseMessage).toMatch(/runner-1 lapsed: it went 31\.0 s without renewal/)
  })

  it('counts the time up to the post step in the longest gap', () => {
    const early = {
      ...status,
      lastSuccessAt: 60_000,
      stopReason: 'final-error' as const,
      stopDetail: 'MarkRunnerActive failed with not_found',
    }
    const figures = assessRenewals(early, context)

    expect(figures).toMatchObject({ lapsed: true, openGapMs: 60_000, longestGapMs: 60_000 })
    expect(figures.summary).toContain('stopped early (MarkRunnerActive failed with not_found)')
    expect(figures.lapseMessage).toContain('it went 60.0 s without renewal')
  })

  it('trusts the lapses the keeper counted, even when it recovered', () => {
    expect(assessRenewals({ ...status, lapses: 1 }, context).lapsed).toBe(true)
  })

  it('without a status, judges from the main step renewal', () => {
    const soon = assessRenewals(undefined, { ...context, postStartedAt: 20_000 })
    expect(soon).toMatchObject({ known: false, lapsed: false, renewals: 1 })
    expect(soon.summary).toContain('the keeper left no status file')

    const late = assessRenewals(undefined, context)
    expect(late).toMatchObject({ known: false, lapsed: true, longestGapMs: 120_000 })
    expect(late.lapseMessage).toMatch(/lapsed: it went 120\.0 s .* failed to start or was killed/)
  })
})
