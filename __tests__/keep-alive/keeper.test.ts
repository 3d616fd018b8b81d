import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { RunnerService } from '../../src/api/runner-service.js'
import type { KeeperConfig } from '../../src/keep-alive/keeper-config.js'
import { isRunning, waitForExit } from '../../src/keep-alive/keeper-process.js'
import { readStatus } from '../../src/keep-alive/keeper-status.js'
import type { StartedKeeper } from '../../src/keep-alive/start-keeper.js'
import { stopKeeper } from '../../src/keep-alive/stop-keeper.js'
import {
  filesUnder,
  KEEPER_SCRIPT,
  LIFETIME_MS,
  registerRunner,
  registration,
  renewalsSeen,
  sleep,
  startTestKeeper,
  TSX_LOADER,
  waitUntil,
  type Registered,
} from './keeper-under-test.js'

const onLinux = process.platform === 'linux' ? it : it.skip

let registered: Registered
let runnerTemp: string
const keepers: StartedKeeper[] = []

beforeEach(async () => {
  registered = await registerRunner()
  runnerTemp = mkdtempSync(join(tmpdir(), 'keeper-'))
})

afterEach(async () => {
  for (const keeper of keepers.splice(0)) {
    if (isRunning(keeper.pid)) process.kill(keeper.pid, 'SIGKILL')
  }
  await registered.emulator.close()
  rmSync(runnerTemp, { recursive: true, force: true })
})

function start(overrides: Partial<KeeperConfig> = {}): StartedKeeper {
  const keeper = startTestKeeper(registered, runnerTemp, overrides)
  keepers.push(keeper)
  return keeper
}

const failRenewals = (fault: object, times = 1) =>
  registered.emulator.faults.add({ method: 'MarkRunnerActive', times, fault } as never)

describe('the keeper', () => {
  it('keeps the registration alive through faults, and stops at SIGTERM', async () => {
    const keeper = start()
    await waitUntil(() => renewalsSeen(registered) >= 3)

    failRenewals({ kind: 'html', status: 503 })
    failRenewals({ kind: 'error', code: 'resource_exhausted', retryAfter: '1' })
    failRenewals({ kind: 'drop-before' })
    failRenewals({ kind: 'hang' })
    failRenewals({ kind: 'error', code: 'unavailable' })
    await sleep(3 * LIFETIME_MS)

    const before = Date.now()
    const stop = await stopKeeper(keeper)
    expect(Date.now() - before).toBeLessThan(1_500)

    expect(registered.emulator.faults.list()).toEqual([])
    expect(registration(registered)).toMatchObject({ lapses: 0, phase: 'RUNNER_PHASE_ACTIVE' })
    expect(stop).toMatchObject({
      outcome: 'stopped',
      status: { state: 'stopped', stopReason: 'stopped-by-post', lapses: 0 },
    })
    // On a slow machine an accepted renewal may still reach the keeper after its timeout.
    expect(stop.status!.failures).toBeGreaterThanOrEqual(5)
    expect(stop.status!.renewals).toBeGreaterThan(10)
    expect(stop.status!.renewals).toBeLessThan(renewalsSeen(registered))

    const log = readFileSync(keeper.logFile, 'utf8')
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z renewed \(gap \d+\.\d s\)$/m)
    expect(log).toMatch(/renewal failed: MarkRunnerActive failed with resource_exhausted/)
    expect(log).toMatch(/keeper stopped: stopped-by-post\n$/)
  })

  onLinux('keeps the token out of its command line, environment and files', async () => {
    const keeper = start()
    await waitUntil(() => renewalsSeen(registered) >= 2)

    const token = registered.emulator.token
    const cmdline = readFileSync(`/proc/${keeper.pid}/cmdline`, 'utf8')
    const environ = readFileSync(`/proc/${keeper.pid}/environ`, 'utf8').split('\0')
    await stopKeeper(keeper)

    expect(cmdline).not.toContain(token)
    expect(environ.join('\n')).not.toContain(token)
    expect(environ).toContain('RUNNER_TRACKING_ID=github_keeper-test')
    expect(environ.some((entry) => /^(INPUT_|GITHUB_TOKEN|GITPOD_API_KEY)/.test(entry))).toBe(false)
    for (const file of filesUnder(runnerTemp)) {
      expect(readFileSync(file, 'utf8')).not.toContain(token)
    }
  })

  it('stops for good when the runner is deleted', async () => {
    const keeper = start()
    await waitUntil(() => renewalsSeen(registered) >= 2)

    const { url: baseUrl, token } = registered.emulator
    await new RunnerService({ baseUrl, token, timeoutMs: 5_000 }).deleteRunner(registered.runnerId)
    expect(await waitForExit(keeper.pid, 5_000)).toBe(true)

    expect(readStatus(keeper.statusFile)).toMatchObject({
      state: 'stopped',
      stopReason: 'final-error',
      stopDetail: expect.stringContaining('MarkRunnerActive failed with not_found'),
    })
    expect(await stopKeeper(keeper)).toMatchObject({ outcome: 'not-running' })
  })

  it('stops at once when the API refuses the token, without logging it', async () => {
    const keeper = start({ token: 'gitpod_pat_revoked-one', renewal: 'update-runner' })

    expect(await waitForExit(keeper.pid, 5_000)).toBe(true)

    expect(readStatus(keeper.statusFile)).toMatchObject({
      stopReason: 'final-error',
      stopDetail: expect.stringContaining('UpdateRunner failed with unauthenticated'),
      renewals: 0,
    })
    expect(readFileSync(keeper.logFile, 'utf8')).not.toContain('revoked-one')
  })

  it('stops promptly at SIGTERM even in the middle of a request', async () => {
    const keeper = start({ intervalMs: 1_000 })
    await waitUntil(() => renewalsSeen(registered) >= 2)
    failRenewals({ kind: 'hang' })
    await waitUntil(() => registered.emulator.requests().some((r) => r.outcome === 'pending'))

    const before = Date.now()
    const stop = await stopKeeper(keeper)

    expect(Date.now() - before).toBeLessThan(1_000)
    expect(stop).toMatchObject({ outcome: 'stopped', status: { stopReason: 'stopped-by-post' } })
  })

  it('records a lapse, keeps trying, and recovers', async () => {
    const keeper = start({ intervalMs: 200 })
    await waitUntil(() => renewalsSeen(registered) >= 2)

    failRenewals({ kind: 'error', code: 'unavailable' }, 10_000)
    await sleep(LIFETIME_MS + 500)
    expect(readStatus(keeper.statusFile)).toMatchObject({ lapsed: true, lapses: 1 })
    expect(registration(registered)).toMatchObject({ lapses: 1, phase: 'RUNNER_PHASE_INACTIVE' })

    registered.emulator.faults.clear()
    const renewalsBefore = renewalsSeen(registered)
    await waitUntil(() => renewalsSeen(registered) > renewalsBefore)
    await stopKeeper(keeper)

    expect(readStatus(keeper.statusFile)).toMatchObject({ lapsed: false, lapses: 1 })
    expect(registration(registered)).toMatchObject({ lapses: 1, phase: 'RUNNER_PHASE_ACTIVE' })
    const log = readFileSync(keeper.logFile, 'utf8')
    expect(log).toMatch(/registration lapsed: no renewal for \d+\.\d s/)
    expect(log).toMatch(/renewed after a lapse \(gap \d+\.\d s\)/)
  })

  it('stops itself at keep-alive-timeout', async () => {
    const keeper = start({ keepAliveTimeoutMs: 1_500 })

    expect(await waitForExit(keeper.pid, 6_000)).toBe(true)

    const status = readStatus(keeper.statusFile)!
    expect(status.stopReason).toBe('keep-alive-timeout')
    expect(status.stoppedAt! - status.startedAt).toBeLessThan(1_500 + 500)
    expect(status.renewals).toBeGreaterThan(0)
  })

  it('refuses a config it cannot read, without repeating it', () => {
    const secret = 'gitpod_pat_in-a-broken-config'
    const result = spawnSync(process.execPath, ['--import', TSX_LOADER, KEEPER_SCRIPT], {
      input: `{"token":"${secret}"`,
      encoding: 'utf8',
      timeout: 20_000,
    })

    expect(result.status).toBe(3)
    expect(result.stdout).toMatch(/keeper not started: keeper config: stdin is not one JSON/)
    expect(result.stdout + result.stderr).not.toContain(secret)
  })
})
