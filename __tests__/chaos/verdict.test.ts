import { describe, expect, it } from '@jest/globals'

import type { Fault, RecordedRequest, RegistrationView } from '../../emulator/server.js'
import type { KeeperStatus } from '../../src/keep-alive/keeper-status.js'
import type { LifecycleRecord, StepSummary } from '../../scripts/chaos/lifecycle.js'
import type { LifecyclePlan } from '../../scripts/chaos/plan.js'
import { judge } from '../../scripts/chaos/verdict.js'

// How a lifecycle is judged: what counts against the action and what the faults explain. Times
// are ms after the main step began; the lifetime is 1500 ms and the interval 300 ms.

const T0 = 1_000_000
const RUNNER = '11111111-1111-4111-8111-111111111111'
const OTHER = '22222222-2222-4222-8222-222222222222'

const unavailable: Fault = { kind: 'error', code: 'unavailable' }
const denied: Fault = { kind: 'error', code: 'permission_denied' }

function step(startedAt: number, endedAt: number, extra: Partial<StepSummary> = {}): StepSummary {
  return {
    exitCode: 0,
    signal: null,
    cancelled: false,
    timedOut: false,
    hungPipes: false,
    failed: false,
    log: '',
    errors: [],
    warnings: [],
    startedAt: T0 + startedAt,
    endedAt: T0 + endedAt,
    ...extra,
  }
}

function call(method: string, at: number, extra: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    method,
    path: `/gitpod.v1.X/${method}`,
    at: '',
    atMs: T0 + at,
    outcome: 'answered',
    durationMs: 1,
    httpStatus: extra.fault ? 503 : 200,
    body: { runnerId: RUNNER },
    headers: {},
    authorized: true,
    ...extra,
  }
}

function registration(runnerId: string, extra: Partial<RegistrationView> = {}): RegistrationView {
  return { runnerId, name: 'gha-x', deleted: true, timeline: [], ...extra } as RegistrationView
}

function lapse(lastRenewal: number): RegistrationView['timeline'][number] {
  return {
    type: 'lapsed',
    at: '',
    atMs: T0 + lastRenewal + 1500,
    lastRenewalAtMs: T0 + lastRenewal,
  }
}

function keeper(extra: Partial<KeeperStatus> = {}): KeeperStatus {
  return {
    pid: 1,
    instance: 'a',
    runnerId: RUNNER,
    startedAt: T0 + 300,
    updatedAt: T0,
    state: 'stopped',
    renewals: 1,
    failures: 0,
    lastSuccessAt: T0,
    longestGapMs: 0,
    lapses: 0,
    lapsed: false,
    stoppedAt: T0 + 6000,
    stopReason: 'stopped-by-post',
    ...extra,
  }
}

function lifecycle(extra: Partial<LifecycleRecord> = {}, plan: Partial<LifecyclePlan> = {}) {
  const record: LifecycleRecord = {
    plan: {
      seed: 1,
      index: 0,
      inputs: { renewal: 'mark-active' },
      renewalCall: 'MarkRunnerActive',
      intervalMs: 300,
      lifetimeMs: 1500,
      cleanup: true,
      otherRunners: 0,
      faults: [],
      main: { kind: 'none' },
      post: { kind: 'none' },
      jobMs: 5000,
      ...plan,
    },
    mainStart: T0,
    mainEnd: T0 + 300,
    postStart: T0 + 6000,
    postEnd: T0 + 6500,
    main: step(0, 300),
    posts: [step(6000, 6500)],
    state: { 'runner-id': RUNNER, name: 'gha-x', keeper: '{"pid":1}' },
    keepers: [{ status: keeper(), log: '' }],
    registrations: [registration(RUNNER)],
    requests: [call('CreateRunner', 100, { body: {}, runnerId: RUNNER })],
    leaks: [],
    strayProcesses: 0,
    ...extra,
  }
  return record
}

describe('lapses', () => {
  it('are not counted once the keeper was killed', () => {
    const verdict = judge(
      lifecycle({
        keeperKilledAt: T0 + 1000,
        registrations: [registration(RUNNER, { timeline: [lapse(900)] })],
      }),
    )

    expect(verdict.lapses).toEqual([])
    expect(verdict.expectedLapses).toEqual(['keeper killed'])
  })

  it('are counted when the faults ended well before the lapse', () => {
    const verdict = judge(
      lifecycle({
        registrations: [registration(RUNNER, { timeline: [lapse(1000)] })],
        requests: [
          call('MarkRunnerActive', 1000),
          call('MarkRunnerActive', 1300, { fault: unavailable }),
          call('MarkRunnerActive', 1400, { fault: unavailable }),
        ],
      }),
    )

    expect(verdict.lapses).toHaveLength(1)
    expect(verdict.lapses[0]!.what).toContain(`runner ${RUNNER} lapsed at +2.500 s`)
    expect(verdict.lapses[0]!.detail.join('\n')).toContain('+1.300 s MarkRunnerActive -> 503')
  })

  it('are explained when faults on the renewals lasted until the lapse', () => {
    const failing = [1300, 1600, 1900, 2200, 2450].map((at) =>
      call('MarkRunnerActive', at, { fault: unavailable }),
    )
    const verdict = judge(
      lifecycle({
        registrations: [registration(RUNNER, { timeline: [lapse(1000)] })],
        requests: [call('MarkRunnerActive', 1000), ...failing],
      }),
    )

    expect(verdict.lapses).toEqual([])
    expect(verdict.expectedLapses).toEqual(['faults on renewals lasted until the lapse'])
  })

  it('are explained when the renewals just before and just after them both failed', () => {
    const limited: Fault = { kind: 'error', code: 'resource_exhausted', retryAfterMs: 377 }
    const verdict = judge(
      lifecycle({
        registrations: [registration(RUNNER, { timeline: [lapse(1000)] })],
        requests: [
          call('MarkRunnerActive', 1000),
          ...[1300, 1700, 2100].map((at) => call('MarkRunnerActive', at, { fault: limited })),
          call('MarkRunnerActive', 2505, { fault: limited }),
        ],
      }),
    )

    expect(verdict.lapses).toEqual([])
  })

  it('are explained when a lost answer hid a renewal and faults lasted as the keeper saw it', () => {
    const outage = [1320, 1700, 2100, 2460].map((at) =>
      call('MarkRunnerActive', at, { fault: unavailable }),
    )
    const verdict = judge(
      lifecycle({
        // The drop-after at 1300 renewed on the server, so it lapses at 2800, not 2500.
        registrations: [registration(RUNNER, { timeline: [lapse(1300)] })],
        requests: [
          call('MarkRunnerActive', 1000),
          call('MarkRunnerActive', 1300, { fault: { kind: 'drop-after' }, outcome: 'dropped' }),
          ...outage,
          call('MarkRunnerActive', 3860),
        ],
      }),
    )

    expect(verdict.lapses).toEqual([])
    expect(verdict.expectedLapses).toEqual(['faults lasted a lifetime as the keeper saw it'])
  })

  it('before the keeper took over are listed apart if main met faults, else counted', () => {
    const beforeKeeper = { registrations: [registration(RUNNER, { timeline: [lapse(100)] })] }
    const slowLookup = call('ListRunners', 150, { fault: { kind: 'delay', ms: 2000 } })
    const keeperLate = { keepers: [{ status: keeper({ startedAt: T0 + 2500 }), log: '' }] }

    const faulted = judge(
      lifecycle({ ...beforeKeeper, ...keeperLate, mainEnd: T0 + 2400, requests: [slowLookup] }),
    )
    const clean = judge(lifecycle({ ...beforeKeeper, ...keeperLate, mainEnd: T0 + 2400 }))

    expect([faulted.mainLapses.length, faulted.lapses.length]).toEqual([1, 0])
    expect([clean.mainLapses.length, clean.lapses.length]).toEqual([0, 1])
  })

  it('are explained when main started no keeper, and after the post step began', () => {
    const verdict = judge(
      lifecycle({
        keepers: [],
        state: { 'runner-id': RUNNER, name: 'gha-x' },
        registrations: [registration(RUNNER, { timeline: [lapse(100), lapse(5000)] })],
      }),
    )

    expect(verdict.lapses).toEqual([])
    expect(verdict.expectedLapses).toEqual([
      'main ended without starting a keeper',
      'after the post step began',
    ])
  })
})

describe('registrations left behind', () => {
  it('count as orphaned when the post step gave up after one transient fault', () => {
    const verdict = judge(
      lifecycle({
        registrations: [registration(RUNNER, { deleted: false })],
        requests: [call('DeleteRunner', 6100, { fault: unavailable })],
      }),
    )

    expect(verdict.orphans).toHaveLength(1)
    expect(verdict.refusedOrphans).toEqual([])
  })

  it('count as refused, not orphaned, when the last delete got a final answer', () => {
    const verdict = judge(
      lifecycle({
        registrations: [registration(RUNNER, { deleted: false })],
        requests: [
          call('DeleteRunner', 6100, { fault: unavailable }),
          call('DeleteRunner', 6200, { fault: denied }),
        ],
      }),
    )

    expect(verdict.orphans).toEqual([])
    expect(verdict.refusedOrphans).toHaveLength(1)
    expect(verdict.refusedOrphans[0]!.detail[0]).toContain('error permission_denied')
  })

  it('count an extra runner as a duplicate, apart from the runner main used', () => {
    const verdict = judge(
      lifecycle({
        registrations: [registration(OTHER, { deleted: false }), registration(RUNNER)],
      }),
    )

    expect(verdict.duplicates).toHaveLength(1)
    expect(verdict.duplicates[0]!.what).toContain(OTHER)
    expect(verdict.orphans).toEqual([])
  })

  it('are listed apart when the cancel killed the post step before it had a handler', () => {
    const left = { registrations: [registration(RUNNER, { deleted: false })], strayProcesses: 1 }
    const killed = step(6000, 6040, { cancelled: true, signal: 'SIGINT', exitCode: null })
    const handled = step(6000, 6300, { cancelled: true })

    const early = judge(lifecycle({ ...left, posts: [killed] }))
    const late = judge(lifecycle({ ...left, posts: [handled] }))

    expect([early.orphans.length, early.problems.length, early.cancelledTooEarly.length]).toEqual([
      0, 0, 2,
    ])
    expect([late.orphans.length, late.problems.length, late.cancelledTooEarly.length]).toEqual([
      1, 1, 0,
    ])
  })

  it('are expected with cleanup: false', () => {
    const verdict = judge(
      lifecycle({ registrations: [registration(RUNNER, { deleted: false })] }, { cleanup: false }),
    )

    expect([verdict.orphans, verdict.refusedOrphans, verdict.duplicates]).toEqual([[], [], []])
  })
})

describe('the steps', () => {
  it('list a main failure with retries to spare, but not one after a final fault', () => {
    const failed = step(0, 300, { failed: true, exitCode: 1, errors: ['CreateRunner failed'] })
    const once = judge(
      lifecycle({ main: failed, requests: [call('CreateRunner', 100, { fault: unavailable })] }),
    )
    const final = judge(
      lifecycle({ main: failed, requests: [call('CreateRunner', 100, { fault: denied })] }),
    )

    expect(once.mainFailureUnexplained?.what).toBe('main failed: CreateRunner failed')
    expect(final.mainFailed).toBe(true)
    expect(final.mainFailureUnexplained).toBeUndefined()
  })

  it('report a keeper that outlived the post step which knew of it', () => {
    const verdict = judge(lifecycle({ strayProcesses: 1 }))

    expect(verdict.problems.map((p) => p.what)).toEqual([
      'the keeper outlived the post step that knew of it',
    ])
  })
})
