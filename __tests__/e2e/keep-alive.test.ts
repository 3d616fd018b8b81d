import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

import { findSecrets } from '../../harness/find-secrets.js'
import { isRunning } from '../../src/keep-alive/keeper-process.js'
import { jobWithEmulator, TIME_SCALE, type JobWithEmulator } from './job-with-emulator.js'
import { filesUnder, keeperOf, procEntries, renewalsOf, sleep } from './keep-alive-job.js'

const onLinux = process.platform === 'linux' ? it : it.skip

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

const LIFETIME_MS = 30_000 * TIME_SCALE
const INTERVAL_MS = 6_000 * TIME_SCALE

describe('the keeper in a job', () => {
  it('lets the main step end at once while it renews in the background', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })

    expect(main.failed).toBe(false)
    expect(main.hungPipes).toBe(false)
    expect(main.eofMs - main.exitMs).toBeLessThan(1_000)
    const keeper = keeperOf(main)
    expect(isRunning(keeper.pid)).toBe(true)
    expect(job.processes()).toEqual([keeper.pid])
    expect(main.log).toContain('Keeping it alive: renewal every 6 s until the post step')

    // Renewals after main returned come from the keeper alone.
    const runnerId = main.outputs['runner-id']
    const renewedByMain = renewalsOf(emulator, runnerId).via.length
    await sleep(4 * INTERVAL_MS)
    expect(renewalsOf(emulator, runnerId).via.length).toBeGreaterThan(renewedByMain)
  })

  it('keeps the registration alive through four lifetimes, renewing regularly', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })
    await sleep(4 * LIFETIME_MS)
    const runnerId = main.outputs['runner-id']
    const renewals = renewalsOf(emulator, runnerId)

    expect(renewals.lapses).toBe(0)
    expect(emulator.registrations()[0].phase).toBe('RUNNER_PHASE_ACTIVE')
    // One every 0.3 s would be 20; half of that still proves the keeper kept at it.
    expect(renewals.via.length).toBeGreaterThanOrEqual(10)
    expect(new Set(renewals.via)).toEqual(new Set(['MarkRunnerActive']))
    expect(renewals.longestGapMs).toBeLessThan(LIFETIME_MS / 2)

    const post = await job.runPost(main)

    expect(post.failed).toBe(false)
    expect(post.annotations).toEqual([])
    expect(post.log).toMatch(/Renewals: \d+ \(.*\), 0 failed attempts, longest gap \d+\.\d s; /)
    expect(post.log).toContain('stopped by the post step')
    expect(emulator.registrations()[0]).toMatchObject({ deleted: true, lapses: 0 })
  })

  it('is stopped by the post step, leaving no process of the job behind', async () => {
    setup = await jobWithEmulator()
    const { job, inputs } = setup

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })
    const keeper = keeperOf(main)
    await sleep(2 * INTERVAL_MS)
    const post = await job.runPost(main)

    expect(post.failed).toBe(false)
    expect(post.hungPipes).toBe(false)
    expect(isRunning(keeper.pid)).toBe(false)
    expect(job.processes()).toEqual([])
    const log = readFileSync(keeper.logFile, 'utf8')
    expect(log).toMatch(/keeper stopped: stopped-by-post\n$/)
  })

  onLinux('keeps every secret out of its command line, environment and the files', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    // A workflow may hold the token in these too; the keeper must not inherit them.
    const workflowEnv = { ONA_API_KEY: emulator.token, GITPOD_API_KEY: emulator.token }

    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' }, { env: workflowEnv })
    const keeper = keeperOf(main)
    await sleep(2 * INTERVAL_MS)

    const exchangeToken = main.outputs['exchange-token']
    const accessToken = main.outputs['access-token']
    expect(exchangeToken).toBeTruthy()
    expect(accessToken).toBeTruthy()
    const secrets = [emulator.token, exchangeToken, accessToken]

    const cmdline = procEntries(keeper.pid, 'cmdline')
    const environ = procEntries(keeper.pid, 'environ')
    expect(findSecrets(cmdline.join('\n'), secrets)).toEqual([])
    expect(findSecrets(environ.join('\n'), secrets)).toEqual([])
    const names = environ.map((entry) => entry.slice(0, entry.indexOf('=')))
    expect(
      names.filter((name) => /^(INPUT_|STATE_|ONA_API_KEY$|GITPOD_API_KEY$)/.test(name)),
    ).toEqual([])
    expect(environ).toContain(`RUNNER_TRACKING_ID=${job.trackingId}`)

    const post = await job.runPost(main, { env: workflowEnv })
    expect(post.failed).toBe(false)

    // The token outputs are in main's GITHUB_OUTPUT on purpose: later steps need them.
    const outputFile = readFileSync(main.files.output, 'utf8')
    expect(findSecrets(outputFile, secrets)).toEqual([exchangeToken, accessToken])
    const files = filesUnder(job.dir).filter((file) => file !== main.files.output)
    expect(files).toEqual(expect.arrayContaining([keeper.logFile, keeper.statusFile]))
    const leaks = files.filter((file) => findSecrets(readFileSync(file, 'utf8'), secrets).length)
    expect(leaks).toEqual([])
  })
})
