import { afterEach, describe, expect, it } from '@jest/globals'

import { readStatus } from '../../src/keep-alive/keeper-status.js'
import { jobWithEmulator, TIME_SCALE, type JobWithEmulator } from './job-with-emulator.js'
import { keeperOf, renewalsOf, sleep, waitForKeeperExit } from './keep-alive-job.js'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const LIFETIME_MS = 30_000 * TIME_SCALE
const INTERVAL_MS = 6_000 * TIME_SCALE
const RENEWAL_CALLS = ['MarkRunnerActive', 'UpdateRunner']

describe('the keep-alive inputs', () => {
  it('renews through UpdateRunner with `renewal: update-runner`', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', renewal: 'update-runner' })
    await sleep(2 * LIFETIME_MS)
    const runnerId = main.outputs['runner-id']
    const renewals = renewalsOf(emulator, runnerId)
    const post = await job.runPost(main)

    expect(main.failed).toBe(false)
    expect(renewals.lapses).toBe(0)
    expect(renewals.via.length).toBeGreaterThanOrEqual(5)
    expect(new Set(renewals.via)).toEqual(new Set(['UpdateRunner']))
    expect(emulator.requests().filter((r) => r.method === 'MarkRunnerActive')).toEqual([])
    // The "touch" rewrites the runner's own name, so nothing about the runner changes.
    expect(emulator.registrations()[0].name).toBe(main.outputs['name'])
    expect(post.failed).toBe(false)
    expect(post.log).toContain('stopped by the post step')
    expect(job.processes()).toEqual([])
  })

  it('starts no keeper and renews nothing with `renewal: none`', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', renewal: 'none' })
    const processesAfterMain = job.processes()
    await sleep(3 * INTERVAL_MS)
    const post = await job.runPost(main)

    expect(main.failed).toBe(false)
    expect(main.state['keeper']).toBeUndefined()
    expect(main.log).toContain('Renewal is off (`renewal: none`)')
    expect(processesAfterMain).toEqual([])
    expect(emulator.requests().filter((r) => RENEWAL_CALLS.includes(r.method))).toEqual([])
    expect(renewalsOf(emulator, main.outputs['runner-id']).via).toEqual([])
    expect(post.failed).toBe(false)
    expect(post.log).not.toContain('Keeper:')
    expect(emulator.registrations()[0].deleted).toBe(true)
  })

  it.each(['0.5', '21', 'ten'])(
    'fails on `renew-interval: %s`, naming the input, and creates nothing',
    async (renewInterval) => {
      setup = await jobWithEmulator()
      const { emulator, job, inputs } = setup

      const main = await job.runMain({
        ...inputs,
        provider: 'aws-ec2',
        'renew-interval': renewInterval,
      })
      const post = await job.runPost(main)

      expect(main.failed).toBe(true)
      const errors = main.annotations.filter((a) => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toContain('input renew-interval')
      expect(errors[0].message).toContain('1 to 20')
      expect(emulator.requests()).toEqual([])
      expect(main.state['keeper']).toBeUndefined()
      expect(post.failed).toBe(false)
      expect(job.processes()).toEqual([])
    },
  )

  it('stops the keeper at `keep-alive-timeout` even when no post step comes', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    // One minute, scaled: 3 s.
    const timeoutMs = 60_000 * TIME_SCALE

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', 'keep-alive-timeout': '1' })
    const keeper = keeperOf(main)
    await waitForKeeperExit(keeper, timeoutMs + 10_000)
    const runnerId = main.outputs['runner-id']
    const renewalsAtStop = renewalsOf(emulator, runnerId).via.length
    await sleep(2 * INTERVAL_MS)

    const status = readStatus(keeper.statusFile)!
    expect(status.stopReason).toBe('keep-alive-timeout')
    expect(status.stoppedAt! - status.startedAt).toBeGreaterThanOrEqual(timeoutMs - 50)
    expect(status.stoppedAt! - status.startedAt).toBeLessThan(timeoutMs + 2_000)
    expect(status.renewals).toBeGreaterThan(0)
    expect(renewalsOf(emulator, runnerId).via.length).toBe(renewalsAtStop)
    expect(job.processes()).toEqual([])

    const post = await job.runPost(main)
    expect(post.failed).toBe(false)
    expect(post.log).toContain('stopped at keep-alive-timeout')
    expect(emulator.registrations()[0].deleted).toBe(true)
  })
})
