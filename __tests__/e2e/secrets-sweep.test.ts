import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join, sep } from 'node:path'

import type { FaultSpec } from '../../emulator/server.js'
import type { Job, StepResult, StepOptions } from '../../harness/github-runner.js'
import {
  SecretsSweep,
  sweepTable,
  type FileGroup,
  type SweptSource,
} from '../support/secrets-sweep.js'
import { jobWithEmulator, sleep, type JobWithEmulator } from './job-with-emulator.js'

/** Characters that make the base64 and URL-encoded forms differ from the plain one. */
const METRICS_PASSWORD = 'm3tr1cs-P@ss/w+rd&x=1%'
const SPEC_WITH_PASSWORD = `spec:
  configuration:
    metrics:
      enabled: true
      url: "http://127.0.0.1:9/metrics"
      username: "metrics-user"
      password: "${METRICS_PASSWORD}"
`
const MISSPELT_PASSWORD_SPEC = SPEC_WITH_PASSWORD.replace('password:', 'pasword:')

/** The keeper's own folder in RUNNER_TEMP (start-keeper.ts), with its log and status file. */
const KEEPER = 'gitpod-runner-'

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const searched: [string, SweptSource[]][] = []
afterAll(() => {
  if (searched.length > 0) console.log(`What the secrets sweep searched:\n${sweepTable(searched)}`)
})

interface Scenario {
  inputs?: Record<string, string>
  debug?: boolean
  faults?: FaultSpec[]
  main?: StepOptions
  /** A spec file the test writes into the workspace (and so leaves out of the sweep). */
  specFile?: string
  /** The keeper should be running after main: read its /proc once it renewed this often. */
  keeperRenewals?: number
  /** Before the post step, e.g. wait for the keeper to stop by itself. */
  beforePost?: (job: Job) => Promise<void>
}

/**
 * One whole lifecycle (main, keeper, post), then every byte the action left: the steps' output,
 * their GITHUB_* files, the keeper's /proc while it runs, and every file of the job's folder
 * (RUNNER_TEMP and the workspace).
 */
async function sweepLifecycle(scenario: string, options: Scenario) {
  setup = await jobWithEmulator({ job: { debug: options.debug ?? false } })
  const { emulator, job } = setup
  if (options.faults) emulator.faults.add(options.faults)

  const specFile = join(job.workspace, 'runner.yaml')
  if (options.specFile) writeFileSync(specFile, options.specFile)
  const fileInput: Record<string, string> = options.specFile ? { 'spec-file': 'runner.yaml' } : {}
  const inputs = { ...setup.inputs, provider: 'aws-ec2', ...fileInput, ...options.inputs }
  const main = await job.runMain(inputs, options.main)

  const exchangeToken = main.outputs['exchange-token'] || undefined
  const accessToken = main.outputs['access-token'] || undefined
  const sweep = new SecretsSweep(
    {
      'API token': emulator.token,
      'exchange token': exchangeToken,
      'access token': accessToken,
      'metrics password': METRICS_PASSWORD,
    },
    { 'exchange-token': 'exchange token', 'access-token': 'access token' },
  )

  const keepers: number[] = []
  if (options.keeperRenewals !== undefined) {
    await renewalsSeen(setup, options.keeperRenewals + 1)
    keepers.push(...job.processes())
    for (const pid of keepers) sweep.process(pid)
  }

  await options.beforePost?.(job)
  const post = await job.runPost(main)

  sweep.step(main)
  sweep.step(post)
  sweep.tree(job.dir, fileGroups(job), [specFile])
  searched.push([scenario, sweep.table()])

  return { main, post, keepers, sweep, emulator, job }
}

function fileGroups(job: Job): FileGroup[] {
  return [
    { label: 'keeper dir', takes: (path) => path.startsWith(join(job.runnerTemp, KEEPER)) },
    { label: 'other RUNNER_TEMP', takes: (path) => path.startsWith(job.runnerTemp + sep) },
    { label: 'workspace', takes: (path) => path.startsWith(job.workspace + sep) },
  ]
}

async function renewalsSeen(setup: JobWithEmulator, count: number): Promise<void> {
  const seen = () => setup.emulator.requests().filter((r) => r.method === 'MarkRunnerActive')
  for (let waited = 0; seen().length < count && waited < 10_000; waited += 50) await sleep(50)
}

async function keeperGone(job: Job): Promise<void> {
  for (let waited = 0; job.processes().length > 0 && waited < 10_000; waited += 50) await sleep(50)
}

const errors = (step: StepResult) => step.annotations.filter((a) => a.level === 'error')

describe('no secret in anything the action leaves behind', () => {
  it('after a successful job', async () => {
    const { main, post, keepers, sweep, emulator } = await sweepLifecycle('success', {
      keeperRenewals: 2,
    })

    expect(main.failed).toBe(false)
    expect(main.outputs['exchange-token']).toBeTruthy()
    expect(main.outputs['access-token']).toBeTruthy()
    expect(keepers).toHaveLength(1)
    expect(post.failed).toBe(false)
    expect(emulator.registrations()[0].deleted).toBe(true)
    expect(sweep.found()).toEqual([])
  })

  it('after main fails once the registration exists (first renewal refused)', async () => {
    const { main, post, sweep, emulator } = await sweepLifecycle('renewal refused in main', {
      faults: [
        {
          method: 'MarkRunnerActive',
          fault: { kind: 'error', code: 'permission_denied', message: 'not a runner principal' },
        },
      ],
    })

    expect(main.failed).toBe(true)
    expect(errors(main)).toHaveLength(1)
    expect(main.outputs['exchange-token']).toBeTruthy()
    expect(post.failed).toBe(false)
    expect(emulator.registrations()[0].deleted).toBe(true)
    expect(sweep.found()).toEqual([])
  })

  it('after the keeper stops on a refused renewal', async () => {
    const { main, post, sweep, job } = await sweepLifecycle('renewal refused in keeper', {
      faults: [
        {
          method: 'MarkRunnerActive',
          after: 3,
          fault: { kind: 'error', code: 'permission_denied', message: 'token revoked' },
        },
      ],
      beforePost: keeperGone,
    })

    expect(main.failed).toBe(false)
    expect(post.log).toMatch(/stopped early.*token revoked/)
    expect(job.processes()).toEqual([])
    expect(sweep.found()).toEqual([])
  })

  it('after main is cancelled during a slow create', async () => {
    const { main, post, sweep, emulator, job } = await sweepLifecycle('cancelled in create', {
      inputs: { spec: SPEC_WITH_PASSWORD },
      faults: [{ method: 'CreateRunner', fault: { kind: 'delay', ms: 2000 } }],
      main: { cancelAfterMs: 500 },
    })

    expect(main.cancelled).toBe(true)
    expect(post.failed).toBe(false)
    expect(emulator.registrations().every((registration) => registration.deleted)).toBe(true)
    expect(job.processes()).toEqual([])
    expect(sweep.found()).toEqual([])
  })

  it('with debug logging on, and a metrics password in the spec', async () => {
    const { main, post, keepers, sweep, emulator } = await sweepLifecycle('debug, password', {
      debug: true,
      inputs: { spec: SPEC_WITH_PASSWORD },
      keeperRenewals: 2,
    })

    expect(main.failed).toBe(false)
    expect(main.log).toContain('##[debug]')
    expect(main.masks).toContain(METRICS_PASSWORD)
    expect(keepers).toHaveLength(1)
    expect(post.failed).toBe(false)
    expect(emulator.requests()[0].body).toMatchObject({
      spec: { configuration: { metrics: { password: METRICS_PASSWORD } } },
    })
    expect(sweep.found()).toEqual([])
  })

  it('with a metrics password in a spec file', async () => {
    const { main, post, sweep, emulator } = await sweepLifecycle('password in spec file', {
      specFile: SPEC_WITH_PASSWORD,
      keeperRenewals: 1,
    })

    expect(main.failed).toBe(false)
    expect(main.masks).toContain(METRICS_PASSWORD)
    expect(post.failed).toBe(false)
    expect(emulator.requests()[0].body).toMatchObject({
      spec: { configuration: { metrics: { password: METRICS_PASSWORD } } },
    })
    expect(sweep.found()).toEqual([])
  })

  it('when the spec is refused before any call (the password under a misspelt key)', async () => {
    const { main, post, sweep, emulator } = await sweepLifecycle('spec refused', {
      inputs: { spec: MISSPELT_PASSWORD_SPEC },
    })

    expect(main.failed).toBe(true)
    expect(
      errors(main)
        .map((error) => error.message)
        .join('\n'),
    ).toMatch(/pasword/)
    expect(post.failed).toBe(false)
    expect(emulator.requests()).toEqual([])
    expect(sweep.found()).toEqual([])
  })
})
