import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { isRunning } from '../../src/keep-alive/keeper-process.js'
import { writeStatus } from '../../src/keep-alive/keeper-status.js'
import { stopKeeper } from '../../src/keep-alive/stop-keeper.js'

/**
 * Real processes stand in for the keeper: scripts at `keeper/index.js`, the path the bundled
 * keeper has, that either honour SIGTERM or ignore it, and one at another path.
 */
const SCRIPTS = {
  polite: ['keeper', "process.on('SIGTERM', () => process.exit(0))"],
  stubborn: ['keeper', "process.on('SIGTERM', () => console.log('not stopping'))"],
  stranger: ['other', "process.on('SIGTERM', () => process.exit(0))"],
} as const

let dir: string
const started: ChildProcess[] = []

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stop-keeper-'))
  for (const [name, [folder, handler]] of Object.entries(SCRIPTS)) {
    mkdirSync(join(dir, name, folder), { recursive: true })
    const body = `${handler}\nsetInterval(() => undefined, 1000)\nconsole.log('ready')\n`
    writeFileSync(join(dir, name, folder, 'index.js'), body)
  }
})

afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Starts a stand-in for the keeper of instance leg-1, with the status file a keeper of
 * `statusInstance` would write.
 */
async function startStandIn(kind: keyof typeof SCRIPTS, statusInstance = 'leg-1') {
  const [folder] = SCRIPTS[kind]
  const child = spawn(process.execPath, [join(dir, kind, folder, 'index.js')], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  started.push(child)
  await new Promise((resolve) => child.stdout!.once('data', resolve))

  const statusFile = join(dir, `${kind}-${child.pid}.json`)
  writeStatus(statusFile, statusOf(child.pid!, statusInstance))
  return { pid: child.pid!, statusFile, instance: 'leg-1' }
}

describe('stopKeeper', () => {
  it('stops a keeper that honours SIGTERM', async () => {
    const keeper = await startStandIn('polite')

    const result = await stopKeeper(keeper)

    expect(result).toMatchObject({ outcome: 'stopped', status: { pid: keeper.pid } })
    expect(isRunning(keeper.pid)).toBe(false)
  })

  it('kills a keeper that ignores SIGTERM once the grace time is over', async () => {
    const keeper = await startStandIn('stubborn')
    const before = Date.now()

    const result = await stopKeeper(keeper, { graceMs: 300 })

    expect(result.outcome).toBe('killed')
    expect(Date.now() - before).toBeLessThan(2_500)
    expect(isRunning(keeper.pid)).toBe(false)
  })

  it('leaves alone a process whose status file names another use of the action', async () => {
    const keeper = await startStandIn('polite', 'leg-2')

    expect(await stopKeeper(keeper)).toMatchObject({ outcome: 'not-ours' })
    expect(isRunning(keeper.pid)).toBe(true)
  })

  it('waits for a keeper that is still starting to write its status', async () => {
    const keeper = await startStandIn('polite')
    rmSync(keeper.statusFile)
    setTimeout(() => writeStatus(keeper.statusFile, statusOf(keeper.pid, 'leg-1')), 300)

    expect(await stopKeeper(keeper)).toMatchObject({ outcome: 'stopped' })
    expect(isRunning(keeper.pid)).toBe(false)
  })

  it('leaves alone a process that never writes a status file', async () => {
    const keeper = await startStandIn('polite')
    rmSync(keeper.statusFile)

    expect(await stopKeeper(keeper)).toMatchObject({ outcome: 'not-ours', status: undefined })
    expect(isRunning(keeper.pid)).toBe(true)
  })

  const onLinuxOrMac = ['linux', 'darwin'].includes(process.platform) ? it : it.skip

  onLinuxOrMac('leaves alone a process that reuses the pid but is no keeper', async () => {
    const stranger = await startStandIn('stranger')

    expect(await stopKeeper(stranger)).toMatchObject({ outcome: 'not-ours' })
    expect(isRunning(stranger.pid)).toBe(true)
  })

  it('reports a keeper that already exited, with its last status', async () => {
    const keeper = await startStandIn('polite')
    started.pop()!.kill('SIGKILL')
    await waitUntil(() => !isRunning(keeper.pid))

    const result = await stopKeeper(keeper)

    expect(result).toMatchObject({ outcome: 'not-running', status: { instance: 'leg-1' } })
  })

  const onLinux = process.platform === 'linux' ? it : it.skip

  onLinux('counts a zombie keeper as stopped', async () => {
    // The shell's background child exits, and `exec sleep` never reaps it: a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    started.push(parent)
    const pid = Number(await new Promise<string>((resolve) => parent.stdout!.once('data', resolve)))
    const statusFile = join(dir, 'zombie.json')
    writeStatus(statusFile, statusOf(pid, 'leg-1'))
    await waitUntil(() => !isRunning(pid))

    expect(await stopKeeper({ pid, statusFile, instance: 'leg-1' })).toMatchObject({
      outcome: 'not-running',
    })
  })
})

function statusOf(pid: number, instance: string) {
  const now = Date.now()
  return {
    pid,
    instance,
    runnerId: 'runner-1',
    startedAt: now,
    updatedAt: now,
    state: 'running' as const,
    renewals: 0,
    failures: 0,
    lastSuccessAt: now,
    longestGapMs: 0,
    lapses: 0,
    lapsed: false,
  }
}

async function waitUntil(condition: () => boolean, withinMs = 5_000): Promise<void> {
  const until = Date.now() + withinMs
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
