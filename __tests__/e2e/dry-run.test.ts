import { afterEach, describe, expect, it } from '@jest/globals'

import { findSecrets } from '../../harness/find-secrets.js'
import { jobWithEmulator, type JobWithEmulator } from './job-with-emulator.js'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const SPEC = `provider: aws-ec2
spec:
  configuration:
    region: eu-central-1
    metrics:
      enabled: true
      url: https://metrics.example.test/push
      username: ci
      password: s3cret-metrics-pw
`

describe('dry-run: true', () => {
  it('checks the token read-only, prints the request with secrets redacted, creates nothing', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, spec: SPEC, 'dry-run': 'true' })

    expect(main.failed).toBe(false)
    expect(emulator.requests().map((r) => r.method)).toEqual(['GetAuthenticatedIdentity'])
    expect(main.log).toContain('Dry run: the token is valid')
    expect(main.log).toContain('"region": "eu-central-1"')
    expect(main.log).toContain('"password": "***"')
    expect(main.log).toContain('Nothing was created.')
    expect(main.masks).toContain('s3cret-metrics-pw')
    expect(findSecrets(main, ['s3cret-metrics-pw', emulator.token])).toEqual([])
    expect(main.outputs['runner-id']).toBeUndefined()

    const post = await job.runPost(main)
    expect(post.failed).toBe(false)
    expect(post.log).toContain('Nothing to clean up: it was a dry run.')
    expect(emulator.requests()).toHaveLength(1)
  })

  it('fails with the token advice when the token is wrong', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, token: 'nope', spec: SPEC, 'dry-run': 'true' })

    expect(main.failed).toBe(true)
    expect(main.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/GetAuthenticatedIdentity failed with unauthenticated.*`token` input/),
    ])
    expect(emulator.registrations()).toEqual([])
  })

  it('still rejects a bad spec before any call', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec3', 'dry-run': 'true' })

    expect(main.failed).toBe(true)
    expect(main.annotations[0].message).toContain('did you mean "aws-ec2"')
    expect(emulator.requests()).toEqual([])
  })
})
