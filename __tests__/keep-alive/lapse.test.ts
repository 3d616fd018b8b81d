import { describe, expect, it } from '@jest/globals'

import type { KeeperStatus } from '../../src/keep-alive/keeper-status.js'
import { assessRenewals } from '../../src/keep-alive/lapse.js'

const LIFETIME = 30_000

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
  it('reports the figures of a keeper that kept the registration alive', () => {
    const figures = assessRenewals(status, LIFETIME, 120_000)

    expect(figures).toMatchObject({ known: true, lapsed: false, openGapMs: 1_000 })
    expect(figures.summary).toBe(
      'Keeper: 12 renewals, 1 failed attempt, longest gap 12.4 s; stopped by the post step.',
    )
    expect(figures.lapseMessage).toBe('')
  })

  it('finds a lapse in a gap between renewals longer than the lifetime', () => {
    const figures = assessRenewals({ ...status, longestGapMs: 31_000 }, LIFETIME, 120_000)

    expect(figures.lapsed).toBe(true)
    expect(figures.lapseMessage).toMatch(/runner-1 lapsed: it went 31\.0 s without renewal/)
  })

  it('finds a lapse after a keeper that stopped early', () => {
    const early = {
      ...status,
      lastSuccessAt: 60_000,
      stopReason: 'final-error' as const,
      stopDetail: 'MarkRunnerActive failed with not_found',
    }
    const figures = assessRenewals(early, LIFETIME, 120_000)

    expect(figures).toMatchObject({ lapsed: true, openGapMs: 60_000 })
    expect(figures.summary).toContain('stopped early (MarkRunnerActive failed with not_found)')
  })

  it('trusts the lapses the keeper counted, even when it recovered', () => {
    expect(assessRenewals({ ...status, lapses: 1 }, LIFETIME, 120_000).lapsed).toBe(true)
  })

  it('says so when there is no status to judge', () => {
    expect(assessRenewals(undefined, LIFETIME, 120_000)).toMatchObject({
      known: false,
      lapsed: false,
      summary: 'The keeper left no status file, so its renewals are unknown.',
    })
  })
})
