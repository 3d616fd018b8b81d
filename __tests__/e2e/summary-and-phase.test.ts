import { afterEach, describe, expect, it } from '@jest/globals'

import { rawCall } from '../../emulator/raw-call.js'
import { jobWithEmulator, sleep, type JobWithEmulator } from './job-with-emulator.js'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

describe('job summary', () => {
  it('has one table per registration with its renewals and clean-up result', async () => {
    setup = await jobWithEmulator()
    const { job, inputs } = setup

    const first = await job.runMain({ ...inputs, provider: 'aws-ec2', region: 'eu-west-1' })
    const second = await job.runMain({ ...inputs, provider: 'gcp', cleanup: 'false' })
    await sleep(1000)
    const secondPost = await job.runPost(second)
    const firstPost = await job.runPost(first)

    for (const [main, post, cleanup] of [
      [first, firstPost, 'deleted'],
      [second, secondPost, 'left in place'],
    ] as const) {
      const table = post.summary
      expect(table).toContain(`<h3>Gitpod runner ${main.outputs['name']}</h3>`)
      expect(table).toContain(`<td>${main.outputs['runner-id']}</td>`)
      expect(table).toMatch(/<td>Renewals<\/td><td>[2-9]\d* \(0 failed attempts\)<\/td>/)
      expect(table).toMatch(/<td>Longest gap without renewal<\/td><td>0\.\d s<\/td>/)
      expect(table).toContain('<td>Phase</td><td>RUNNER_PHASE_CREATED (at registration)</td>')
      expect(table).toContain('<td>Kind</td><td>RUNNER_KIND_REMOTE</td>')
      expect(table).not.toMatch(/<t[hd]><\/t[hd]>|<th><\/tr>|<td><\/tr>/)
      expect(table).toContain('<td>Lapsed</td><td>no</td>')
      expect(table).toContain(cleanup)
    }
    expect(firstPost.summary).toContain('<td>RUNNER_PROVIDER_AWS_EC2</td>')
    expect(firstPost.summary).toContain('<td>eu-west-1</td>')
    expect(secondPost.summary).toContain('<td>RUNNER_PROVIDER_GCP</td>')
  })
})

describe('wait-for-phase', () => {
  it('returns once the runner is active and reports the phase', async () => {
    setup = await jobWithEmulator()
    const { job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', 'wait-for-phase': 'active' })

    expect(main.failed).toBe(false)
    expect(main.outputs['phase']).toBe('RUNNER_PHASE_ACTIVE')
    expect(main.log).toContain('is RUNNER_PHASE_ACTIVE')
    await job.runPost(main)
  })

  it('with renewal: none, waits for whatever else makes the runner active', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const pending = job.runMain({
      ...inputs,
      provider: 'aws-ec2',
      renewal: 'none',
      'wait-for-phase': 'RUNNER_PHASE_ACTIVE',
    })
    // The runner comes up elsewhere and sends its own heartbeat.
    await sleep(600)
    const runnerId = emulator.registrations()[0]?.runnerId
    await rawCall(emulator, 'MarkRunnerActive', { runnerId })
    const main = await pending

    expect(main.failed).toBe(false)
    expect(main.outputs['phase']).toBe('RUNNER_PHASE_ACTIVE')
    expect(job.processes()).toEqual([])
    await job.runPost(main)
    expect(emulator.registrations()[0].deleted).toBe(true)
  })

  it('fails after wait-timeout with the phase it saw, and post still deletes', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({
      ...inputs,
      provider: 'aws-ec2',
      renewal: 'none',
      'wait-for-phase': 'active',
      'wait-timeout': '20',
    })

    expect(main.failed).toBe(true)
    expect(main.outputs['phase']).toBe('RUNNER_PHASE_CREATED')
    expect(main.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/did not become RUNNER_PHASE_ACTIVE within the `wait-timeout` of 20 s/),
    ])
    await job.runPost(main)
    expect(emulator.registrations()[0].deleted).toBe(true)
  })
})
