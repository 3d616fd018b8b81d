import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

import type { Fault } from '../../emulator/server.js'
import { RunnerService } from '../../src/api/runner-service.js'
import { readStatus } from '../../src/keep-alive/keeper-status.js'
import { isRunning } from '../../src/keep-alive/keeper-process.js'
import { jobWithEmulator, TIME_SCALE, type JobWithEmulator } from './job-with-emulator.js'
import { keeperOf, renewalsOf, sleep, waitForKeeperExit, waitUntil } from './keep-alive-job.js'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const LIFETIME_MS = 30_000 * TIME_SCALE
const INTERVAL_MS = 6_000 * TIME_SCALE

/** What a renewal meets on a bad day, from the API, a proxy in front of it, or the network. */
const TRANSIENT_FAULTS: Fault[] = [
  { kind: 'error', code: 'unavailable', httpStatus: 503 },
  { kind: 'html', status: 502 },
  { kind: 'error', code: 'resource_exhausted', retryAfter: '1' },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
  { kind: 'hang' },
]

describe('the keeper when renewals fail', () => {
  it('rides out transient faults without a lapse', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    // Every third renewal attempt of the keeper meets the next fault.
    emulator.faults.add(
      TRANSIENT_FAULTS.map((fault, index) => ({
        method: 'MarkRunnerActive' as const,
        after: 2 + 3 * index,
        fault,
      })),
    )
    await waitUntil('every fault to be met', () => emulator.faults.list().length === 0, 20_000)
    await sleep(LIFETIME_MS)
    const status = readStatus(keeperOf(main).statusFile)
    const post = await job.runPost(main)

    const runnerId = main.outputs['runner-id']
    expect(renewalsOf(emulator, runnerId)).toMatchObject({ lapses: 0 })
    expect(renewalsOf(emulator, runnerId).longestGapMs).toBeLessThan(LIFETIME_MS)
    expect(status).toMatchObject({ state: 'running', lapses: 0, lapsed: false })
    expect(status!.failures).toBeGreaterThanOrEqual(TRANSIENT_FAULTS.length)

    expect(post.failed).toBe(false)
    expect(post.annotations).toEqual([])
    expect(post.log).toMatch(/Renewals: \d+ \(.*\), \d+ failed attempts/)
    expect(post.log).toContain('stopped by the post step')
    const log = readFileSync(keeperOf(main).logFile, 'utf8')
    expect(log).toContain('renewal failed: MarkRunnerActive failed with resource_exhausted')
    expect(log).toMatch(/renewal failed: .*HTTP 502 with a non-Connect body \(text\/html\)/)
    expect(emulator.registrations()[0].deleted).toBe(true)
  })

  it('retries in time when the server asks for a wait past the lapse', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    // Five seconds, over three lifetimes: honouring it would certainly lapse.
    emulator.faults.add({
      method: 'MarkRunnerActive',
      after: 1,
      fault: { kind: 'error', code: 'resource_exhausted', retryAfter: '5' },
    })
    await waitUntil('the fault to be met', () => emulator.faults.list().length === 0)
    await sleep(LIFETIME_MS + INTERVAL_MS)
    const post = await job.runPost(main)

    expect(renewalsOf(emulator, main.outputs['runner-id']).lapses).toBe(0)
    expect(post.annotations).toEqual([])
    expect(post.log).toMatch(/Renewals: \d+ \(.*\), 1 failed attempt, /)
  })

  it('rides out a hung request at the longest interval, `renew-interval: 20`', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', 'renew-interval': '20' })

    // The keeper's first renewal comes two thirds into the lifetime; it must not wait out the rest.
    emulator.faults.add({ method: 'MarkRunnerActive', after: 1, fault: { kind: 'hang' } })
    await waitUntil('the hang to be met', () => emulator.faults.list().length === 0)
    await sleep(2 * LIFETIME_MS)
    const post = await job.runPost(main)

    expect(renewalsOf(emulator, main.outputs['runner-id']).lapses).toBe(0)
    expect(post.annotations).toEqual([])
    expect(post.log).toMatch(/renewal failed: MarkRunnerActive failed with deadline_exceeded/)
  })

  it('stops when the runner is deleted behind its back, and post says why', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })
    const keeper = keeperOf(main)
    const runnerId = main.outputs['runner-id']
    await sleep(2 * INTERVAL_MS)

    const service = new RunnerService({
      baseUrl: emulator.url,
      token: emulator.token,
      timeoutMs: 5_000,
    })
    await service.deleteRunner(runnerId)
    await waitForKeeperExit(keeper)
    const post = await job.runPost(main)

    expect(readStatus(keeper.statusFile)).toMatchObject({ stopReason: 'final-error' })
    expect(post.failed).toBe(false)
    expect(post.log).toMatch(/stopped early \(MarkRunnerActive failed with not_found/)
    expect(post.log).toContain(`Runner ${runnerId} was already gone.`)
    expect(job.processes()).toEqual([])
  })

  it('stops when the token is no longer accepted, and post still deletes the runner', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })
    const keeper = keeperOf(main)

    emulator.faults.add({
      method: 'MarkRunnerActive',
      after: 1,
      fault: { kind: 'error', code: 'unauthenticated', message: 'token revoked' },
    })
    await waitForKeeperExit(keeper)
    const post = await job.runPost(main)

    expect(post.failed).toBe(false)
    expect(post.log).toMatch(/stopped early \(MarkRunnerActive failed with unauthenticated/)
    const warnings = post.annotations.filter((a) => a.level === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toMatch(/unauthenticated/)
    expect(post.log).toContain(`Deleted runner "${main.outputs['name']}"`)
    expect(emulator.registrations()[0].deleted).toBe(true)
    expect(job.processes()).toEqual([])
  })

  it('reports the lapse when the keeper was killed, and still deletes the runner', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })
    const keeper = keeperOf(main)
    await sleep(2 * INTERVAL_MS)

    process.kill(keeper.pid, 'SIGKILL')
    await waitForKeeperExit(keeper)
    await sleep(2 * LIFETIME_MS)
    const post = await job.runPost(main)

    expect(emulator.registrations()[0].lapses).toBe(1)
    expect(post.failed).toBe(false)
    const warnings = post.annotations.filter((a) => a.level === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toMatch(
      new RegExp(`^The registration of runner ${main.outputs['runner-id']} lapsed: it went`),
    )
    expect(warnings[0].message).toContain('The keeper had ended without recording why')
    expect(post.log).toMatch(/Renewals: \d+ \(.*\), .*; the keeper ended without recording why\./)
    expect(emulator.registrations()[0].deleted).toBe(true)
    expect(isRunning(keeper.pid)).toBe(false)
    expect(job.processes()).toEqual([])
  })
})
