import { afterEach, describe, expect, it } from '@jest/globals'

import { rawCall } from '../../emulator/raw-call.js'
import { jobWithEmulator, type JobWithEmulator } from './job-with-emulator.js'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const live = (s: JobWithEmulator) => s.emulator.registrations().filter((r) => !r.deleted)

describe('a create that gets no answer', () => {
  it('finds the runner it made by its generated name and uses it: no duplicate', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'drop-after' } })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(false)
    expect(live(setup)).toHaveLength(1)
    expect(main.outputs['runner-id']).toBe(live(setup)[0].runnerId)
    expect(main.outputs['exchange-token']).toBeTruthy()
    expect(main.masks).toContain(main.outputs['exchange-token'])
    expect(main.log).toContain('looking for runner')
    expect(emulator.requests().map((r) => r.method)).toContain('CreateRunnerToken')

    await job.runPost(main)
    expect(live(setup)).toEqual([])
  })

  it('adopts the one runner of a fixed name created since the step began', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'drop-after' } })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', name: 'ci-runner' })

    expect(main.failed).toBe(false)
    expect(live(setup).map((r) => r.name)).toEqual(['ci-runner'])
    await job.runPost(main)
    expect(live(setup)).toEqual([])
  })

  it('refuses to guess between several runners of a fixed name, and deletes none of them', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const other = { name: 'ci-runner', provider: 'RUNNER_PROVIDER_AWS_EC2' }
    // Another job registered the same name a moment ago.
    await rawCall(emulator, 'CreateRunner', other)
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'drop-after' } })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', name: 'ci-runner' })

    expect(main.failed).toBe(true)
    const errors = main.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(/2 runners named "ci-runner".*deletes none/)
    expect(main.outputs['runner-id']).toBeUndefined()

    const post = await job.runPost(main)
    expect(post.failed).toBe(false)
    expect(post.annotations.map((a) => a.level)).toEqual(['warning'])
    expect(live(setup)).toHaveLength(2)
  })

  it('sends the create again when the request never reached the server', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({ method: 'CreateRunner', times: 2, fault: { kind: 'drop-before' } })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(false)
    expect(main.log).toMatch(/attempt 2 of 5/)
    expect(live(setup)).toHaveLength(1)
    await job.runPost(main)
    expect(live(setup)).toEqual([])
  })

  it('retries transient errors with the server delay, one line per retry', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({
      method: 'CreateRunner',
      fault: { kind: 'error', code: 'resource_exhausted', retryAfterMs: 200 },
    })
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'html', status: 503 } })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(false)
    expect(main.log).toMatch(/CreateRunner: attempt 2 of 5 in 0\.2 s/)
    expect(main.log).toMatch(/CreateRunner: attempt 3 of 5 in/)
    expect(live(setup)).toHaveLength(1)
    await job.runPost(main)
  })

  it('cancelled during a slow create: main saves what it made, post deletes it', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'delay', ms: 1500 } })

    const main = await job.runMain(
      { ...inputs, provider: 'aws-ec2' },
      { cancelAfterMs: 300, cancelGraceMs: [7500, 2500] },
    )

    expect(main.cancelled).toBe(true)
    expect(main.state['runner-id']).toBe(live(setup)[0].runnerId)
    expect(job.processes()).toEqual([])

    const post = await job.runPost(main)
    expect(post.failed).toBe(false)
    expect(live(setup)).toEqual([])
  })

  it('killed during a create that hangs: post finds the runner by the name saved first', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'delay', ms: 3000 } })

    const main = await job.runMain(
      { ...inputs, provider: 'aws-ec2' },
      { cancelAfterMs: 300, cancelGraceMs: [200, 200] },
    )
    expect(main.state['runner-id']).toBeUndefined()
    expect(main.state['name']).toBeTruthy()

    const post = await job.runPost(main)

    expect(post.failed).toBe(false)
    expect(post.log).toContain(`looking for runners named "${main.state['name']}"`)
    expect(live(setup)).toEqual([])
  })
})
