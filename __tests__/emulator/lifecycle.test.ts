import { afterEach, describe, expect, it } from '@jest/globals'
import { setTimeout as sleep } from 'node:timers/promises'

import { RunnerPhase } from '../../emulator/gen/gitpod/v1/runner_pb.js'
import { end, renew, settle, startLifecycle } from '../../emulator/lifecycle.js'
import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

const LIFETIME = 1000

describe('the lifecycle of a registration, on a given clock', () => {
  it('lapses once, dated at the last renewal plus the lifetime, and revives on renewal', () => {
    const life = startLifecycle(10_000)
    renew(life, 10_400, LIFETIME, 'MarkRunnerActive')
    settle(life, 11_400, LIFETIME)
    expect(life.phase).toBe(RunnerPhase.ACTIVE)

    settle(life, 11_401, LIFETIME)
    settle(life, 15_000, LIFETIME)
    expect(life.phase).toBe(RunnerPhase.INACTIVE)

    renew(life, 16_000, LIFETIME, 'UpdateRunner')
    expect(life).toMatchObject({ phase: RunnerPhase.ACTIVE, renewals: 2, lapses: 1 })
    expect(life.longestGapMs).toBe(5600)
    expect(life.timeline.map(({ type, atMs }) => [type, atMs])).toEqual([
      ['created', 10_000],
      ['renewed', 10_400],
      ['lapsed', 11_400],
      ['renewed', 16_000],
    ])
  })

  it('records the lapse of a registration that was never renewed, before its deletion', () => {
    const life = startLifecycle(0)

    end(life, 2500, LIFETIME, { force: false, forceSent: false })

    expect(life.timeline.map(({ type, atMs }) => [type, atMs])).toEqual([
      ['created', 0],
      ['lapsed', 1000],
      ['deleted', 2500],
    ])
  })
})

describe('the lifecycle over the API, in real time', () => {
  let emulator: Emulator
  afterEach(() => emulator.close())

  const phaseOf = async (runnerId: string) =>
    (await rawCall(emulator, 'GetRunner', { runnerId })).json.runner.status.phase

  it('created -> active on renewal -> inactive, lapse recorded -> active again', async () => {
    emulator = await startEmulator({ lifetimeMs: 300 })
    const created = await rawCall(emulator, 'CreateRunner', {
      name: 'gha-life',
      provider: 'RUNNER_PROVIDER_AWS_EC2',
    })
    const { runnerId } = created.json.runner
    expect(created.json.runner.status.phase).toBe('RUNNER_PHASE_CREATED')

    await rawCall(emulator, 'MarkRunnerActive', { runnerId })
    const activeRead = await phaseOf(runnerId)

    await sleep(1200)
    const lapsedRead = await rawCall(emulator, 'GetRunner', { runnerId })

    await rawCall(emulator, 'UpdateRunner', { runnerId, name: 'gha-life' })
    const revivedRead = await phaseOf(runnerId)

    const timeline = emulator.timeline(runnerId)
    const lapses = timeline.filter((event) => event.type === 'lapsed')
    const [view] = emulator.registrations()
    expect(activeRead).toBe('RUNNER_PHASE_ACTIVE')
    expect(lapsedRead.json.runner.status).toMatchObject({
      phase: 'RUNNER_PHASE_INACTIVE',
      message: expect.stringContaining('lapsed'),
    })
    expect(revivedRead).toBe('RUNNER_PHASE_ACTIVE')
    expect(timeline.slice(-3)).toEqual([
      expect.objectContaining({ type: 'renewed', via: 'MarkRunnerActive' }),
      expect.objectContaining({ type: 'lapsed' }),
      expect.objectContaining({ type: 'renewed', via: 'UpdateRunner' }),
    ])
    // Each lapse is dated exactly one lifetime after the event it followed. (On a stalled machine
    // a lapse may also fall between creation and the first renewal; that one is checked too.)
    timeline.forEach((event, index) => {
      if (event.type !== 'lapsed') return
      expect(event.lastRenewalAtMs).toBe(timeline[index - 1]!.atMs)
      expect(event.atMs).toBe(event.lastRenewalAtMs + 300)
    })
    const [lastRenewal, lapse, revival] = timeline.slice(-3)
    expect(revival).toMatchObject({ gapMs: revival!.atMs - lastRenewal!.atMs })
    expect(revival!.atMs - lapse!.atMs).toBeGreaterThanOrEqual(1200 - 300)
    expect(view).toMatchObject({ renewals: 2, lapses: lapses.length, phase: 'RUNNER_PHASE_ACTIVE' })
    expect(view!.longestGapMs).toBeGreaterThanOrEqual(1200)
  })

  it('keeps a registration renewed well within its lifetime active, with no lapse', async () => {
    emulator = await startEmulator({ lifetimeMs: 1500 })
    const { runnerId } = (
      await rawCall(emulator, 'CreateRunner', { name: 'gha-kept', provider: 'RUNNER_PROVIDER_GCP' })
    ).json.runner

    for (let renewal = 0; renewal < 5; renewal++) {
      await sleep(100)
      await rawCall(emulator, 'MarkRunnerActive', { runnerId })
    }

    expect(emulator.registrations()[0]).toMatchObject({ renewals: 5, lapses: 0 })
    expect(await phaseOf(runnerId)).toBe('RUNNER_PHASE_ACTIVE')
  })

  it('answers not_found to every call on a deleted registration but keeps its record', async () => {
    emulator = await startEmulator()
    const { runnerId } = (
      await rawCall(emulator, 'CreateRunner', { name: 'gha-gone', provider: 'RUNNER_PROVIDER_GCP' })
    ).json.runner
    await rawCall(emulator, 'DeleteRunner', { runnerId })

    const replies = await Promise.all(
      (
        [
          'GetRunner',
          'UpdateRunner',
          'DeleteRunner',
          'CreateRunnerToken',
          'MarkRunnerActive',
        ] as const
      ).map((method) => rawCall(emulator, method, { runnerId })),
    )
    const listed = await rawCall(emulator, 'ListRunners', {})

    expect(replies.map((reply) => [reply.status, reply.json.code])).toEqual(
      Array(5).fill([404, 'not_found']),
    )
    expect(listed.json.runners ?? []).toEqual([])
    expect(emulator.registrations()).toEqual([
      expect.objectContaining({ runnerId, deleted: true, phase: 'RUNNER_PHASE_DELETED' }),
    ])
    expect(emulator.timeline(runnerId).map((event) => event.type)).toEqual(['created', 'deleted'])
  })

  it('takes its default lifetime, 30 s, through the test-only time scale', async () => {
    const before = process.env.GITPOD_RUNNER_ACTION_TIME_SCALE
    process.env.GITPOD_RUNNER_ACTION_TIME_SCALE = '0.05'
    try {
      emulator = await startEmulator()
    } finally {
      if (before === undefined) delete process.env.GITPOD_RUNNER_ACTION_TIME_SCALE
      else process.env.GITPOD_RUNNER_ACTION_TIME_SCALE = before
    }

    expect(emulator.lifetimeMs).toBe(1500)
  })

  it('timeline() names an unknown runner id instead of returning nothing', async () => {
    emulator = await startEmulator()

    expect(() => emulator.timeline('3b2f6c1d-8e4a-4b7c-9d0e-1f2a3b4c5d6e')).toThrow(
      /no registration 3b2f6c1d/,
    )
  })
})
