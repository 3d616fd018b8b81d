import { afterEach, describe, expect, it } from '@jest/globals'

import { jobWithEmulator, type JobWithEmulator } from './job-with-emulator.js'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const lapses = (s: JobWithEmulator) => s.emulator.registrations().map((r) => r.lapses)

describe('the first renewal, made by the main step', () => {
  it('gives up on a hung attempt in time to try again before the lapse', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({ method: 'MarkRunnerActive', fault: { kind: 'hang' } })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(false)
    expect(main.log).toMatch(/First renewal: attempt 2 of \d+/)
    await job.runPost(main)
    expect(lapses(setup)).toEqual([0])
  })

  it('tries once more before the lapse when Retry-After would not fit', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({
      method: 'MarkRunnerActive',
      fault: { kind: 'error', code: 'resource_exhausted', retryAfterMs: 60_000 },
    })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(false)
    await job.runPost(main)
    expect(lapses(setup)).toEqual([0])
  })

  it('comes before the clean-up of an unanswered create, which may be slow', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'drop-after' } })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(false)
    const calls = emulator.requests().map((r) => r.method)
    expect(calls.indexOf('MarkRunnerActive')).toBeLessThan(calls.indexOf('CreateRunnerToken'))
    expect(main.outputs['exchange-token']).toBeTruthy()
    await job.runPost(main)
  })
})
