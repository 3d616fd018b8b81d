import { afterEach, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { findSecrets } from '../../harness/find-secrets.js'
import { PRODUCTION_RUNNER_SPEC } from '../../scripts/production-runner.js'
import { jobWithEmulator, writeCalls, type JobWithEmulator } from './job-with-emulator.js'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const PRODUCTION_RUNNER = PRODUCTION_RUNNER_SPEC

describe('a job that registers a runner and removes it again', () => {
  it('creates from a spec file, sets masked outputs, and the post step deletes it', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    writeFileSync(join(job.workspace, 'runner.yaml'), PRODUCTION_RUNNER)

    const main = await job.runMain({ ...inputs, 'spec-file': 'runner.yaml' })

    expect(main.failed).toBe(false)
    expect(main.hungPipes).toBe(false)
    const [registration] = emulator.registrations()
    expect(registration.name).toBe('Production Runner')
    expect(registration.provider).toBe('RUNNER_PROVIDER_AWS_EC2')
    expect(main.outputs['runner-id']).toBe(registration.runnerId)
    expect(main.outputs['name']).toBe('Production Runner')
    expect(main.outputs['phase']).toMatch(/^RUNNER_PHASE_/)
    const runner = JSON.parse(main.outputs['runner']) as { runnerId: string; spec: unknown }
    expect(runner.runnerId).toBe(registration.runnerId)

    const exchangeToken = main.outputs['exchange-token']
    const accessToken = main.outputs['access-token']
    expect(exchangeToken).toBeTruthy()
    expect(main.masks).toEqual(expect.arrayContaining([emulator.token, exchangeToken, accessToken]))
    expect(main.masks).not.toContain(registration.runnerId)
    expect(findSecrets(main, [emulator.token, exchangeToken, accessToken])).toEqual([])
    expect(main.log).toContain(`Registered runner "Production Runner" (${registration.runnerId})`)

    const post = await job.runPost(main)

    expect(post.failed).toBe(false)
    expect(post.log).toContain(`Deleted runner "Production Runner" (${registration.runnerId})`)
    const after = emulator.registrations()[0]
    expect(after.deleted).toBe(true)
    const deleted = emulator.timeline(after.runnerId).find((event) => event.type === 'deleted')
    expect(deleted).toMatchObject({ forceSent: false })
    expect(job.processes()).toEqual([])
  })

  it('sends exactly the request the create-runner.md example describes', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    await job.runMain({ ...inputs, spec: PRODUCTION_RUNNER })

    const create = emulator.requests().find((r) => r.method === 'CreateRunner')
    expect(create?.body).toEqual({
      name: 'Production Runner',
      provider: 'RUNNER_PROVIDER_AWS_EC2',
      spec: {
        desiredPhase: 'RUNNER_PHASE_ACTIVE',
        configuration: {
          region: 'us-west',
          releaseChannel: 'RUNNER_RELEASE_CHANNEL_STABLE',
          autoUpdate: true,
        },
      },
    })
    expect(create?.headers.connectProtocolVersion).toBe('1')
    expect(create?.headers.userAgent).toMatch(/^gitpod-runner-action\//)
  })

  it('keeps two uses of the action in one job apart, each cleaning up only its own', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const first = await job.runMain({ ...inputs, provider: 'aws-ec2', region: 'eu-west-1' })
    const second = await job.runMain({ ...inputs, provider: 'gcp', region: 'us-central1' })

    const [a, b] = [first.outputs['runner-id'], second.outputs['runner-id']]
    expect(a).not.toBe(b)
    expect(first.outputs['name']).not.toBe(second.outputs['name'])
    expect(first.state['keeper']).not.toBe(second.state['keeper'])
    expect(job.processes()).toHaveLength(2)

    // Post steps run in reverse order, as on a runner.
    await job.runPost(second)
    const deleted = (id: string) => emulator.registrations().find((r) => r.runnerId === id)?.deleted
    expect([deleted(a), deleted(b)]).toEqual([false, true])
    expect(job.processes()).toHaveLength(1)

    await job.runPost(first)
    expect([deleted(a), deleted(b)]).toEqual([true, true])
    expect(job.processes()).toEqual([])
  })

  it('still deletes the registration when main fails after the create', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    emulator.faults.add({
      method: 'MarkRunnerActive',
      fault: { kind: 'error', code: 'permission_denied', message: 'not a runner principal' },
    })

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(true)
    const errors = main.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toContain('`renewal`')
    expect(errors[0].message).toContain('update-runner')
    expect(main.outputs['runner-id']).toBeTruthy()

    const post = await job.runPost(main)

    expect(post.failed).toBe(false)
    expect(emulator.registrations()[0].deleted).toBe(true)
    expect(job.processes()).toEqual([])
  })

  it('fails with a clear error on a wrong token, and creates nothing', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, token: 'wrong-token', provider: 'aws-ec2' })

    expect(main.failed).toBe(true)
    expect(main.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(/^CreateRunner failed with unauthenticated.*check the `token` input/),
    ])
    expect(main.stdout + main.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(emulator.registrations()).toEqual([])
    expect(findSecrets(main, ['wrong-token'])).toEqual([])

    const post = await job.runPost(main)
    expect(post.failed).toBe(false)
    expect(writeCalls(emulator)).toEqual(['CreateRunner'])
  })

  it('reads the token from ONA_API_KEY and accepts a "Bearer " prefix', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain(
      { ...inputs, token: '', provider: 'aws-ec2' },
      { env: { ONA_API_KEY: ` Bearer ${emulator.token} ` } },
    )

    expect(main.failed).toBe(false)
    expect(emulator.registrations()).toHaveLength(1)
    await job.runPost(main, { env: { ONA_API_KEY: ` Bearer ${emulator.token} ` } })
    expect(emulator.registrations()[0].deleted).toBe(true)
  })

  it('leaves the registration in place with cleanup: false, but still stops the keeper', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', cleanup: 'false' })
    const post = await job.runPost(main)

    expect(post.failed).toBe(false)
    expect(post.log).toContain('cleanup: false')
    expect(emulator.registrations()[0].deleted).toBe(false)
    expect(job.processes()).toEqual([])
  })

  it('does nothing in the post step when main created nothing', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2', kind: 'remote' })
    const post = await job.runPost(main)

    expect(main.failed).toBe(true)
    expect(post.failed).toBe(false)
    expect(post.annotations).toEqual([])
    expect(emulator.requests()).toEqual([])
  })
})
