import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { startEmulator } from '../../emulator/server.js'
import { Job } from '../../harness/github-runner.js'
import { readStatus } from '../../src/keep-alive/keeper-status.js'
import { startKeeper, type StartedKeeper } from '../../src/keep-alive/start-keeper.js'
import { stopKeeper } from '../../src/keep-alive/stop-keeper.js'
import { TIME_SCALE_VARIABLE } from '../../src/time-scale.js'
import type { Figure } from './figure.js'
import { HEAP_PROBE_FLAGS, sampleHeap, type HeapSample } from './heap-sample.js'
import { sampleProcess } from './proc.js'
import { mb } from './stats.js'

export interface KeeperMemoryOptions {
  renewals: number
  warmUpRenewals: number
  /** Time scale: with renew-interval 1 s, the interval is 1000 * scale ms. */
  scale: number
  keeperScript: string
  /** Extra node options for the keeper, to measure a proposed change (e.g. a smaller heap). */
  keeperFlags: string[]
}

const PEAK_LIMIT_KB = 15 * 1024
const GROWTH_LIMIT_KB = 1024
const IDLE = 'setInterval(() => {}, 1000)'

/**
 * Item 4: one keeper (the bundle, started by the action's own startKeeper) renewing `renewals`
 * times on scaled time, beside two idle node processes living as long: a bare one and one with
 * the same heap probe as the keeper, so that the probe's own cost shows.
 */
export async function keeperMemoryFigures(options: KeeperMemoryOptions): Promise<Figure[]> {
  const { scale } = options
  const emulator = await startEmulator({ lifetimeMs: 30_000 * scale })
  const job = await Job.create({ env: { [TIME_SCALE_VARIABLE]: String(scale) } })
  const idleDir = mkdtempSync(join(tmpdir(), 'bench-idle-'))
  const idle: ChildProcess[] = []
  let keeper: StartedKeeper | undefined
  try {
    const inputs = { token: emulator.token, 'api-url': emulator.url, renewal: 'none' }
    const main = await job.runMain({ ...inputs, provider: 'aws-ec2' })
    const runnerId = main.outputs['runner-id']
    if (main.failed || !runnerId) throw new Error(`the main step failed:\n${main.log}`)

    idle.push(spawnIdle([], idleDir), spawnIdle(HEAP_PROBE_FLAGS, idleDir))
    const started = Date.now()
    keeper = startKeeper(
      {
        apiUrl: emulator.url,
        token: emulator.token,
        runnerId,
        runnerName: main.outputs['name'] ?? '',
        renewal: 'mark-active',
        intervalMs: Math.max(1, Math.round(1000 * scale)),
        lifetimeMs: 30_000 * scale,
        keepAliveTimeoutMs: 30 * 60_000,
        instance: 'bench',
        lastRenewalAt: started,
      },
      {
        keeperScript: options.keeperScript,
        runnerTemp: job.runnerTemp,
        env: {
          PATH: process.env['PATH'] ?? '',
          RUNNER_TRACKING_ID: job.trackingId,
          [TIME_SCALE_VARIABLE]: String(scale),
        },
        execArgv: [...options.keeperFlags, ...HEAP_PROBE_FLAGS],
      },
    )

    await renewalsReach(keeper, options.warmUpRenewals)
    const warm = await sampleHeap(keeper.pid, keeper.dir)
    const warmRenewals = renewalsOf(keeper)
    await renewalsReach(keeper, options.renewals)
    const end = await sampleHeap(keeper.pid, keeper.dir)
    const endRenewals = renewalsOf(keeper)
    const seconds = (Date.now() - started) / 1000
    const [bare, bareWithProbe] = idle.map((child) => sampleProcess(child.pid!))

    const stop = await stopKeeper(keeper)
    if (stop.outcome !== 'stopped') throw new Error(`the keeper was ${stop.outcome}`)
    const failures = stop.status?.failures ?? 0
    const flags =
      options.keeperFlags.length > 0 ? `, keeper flags ${options.keeperFlags.join(' ')}` : ''
    const run =
      `${endRenewals} renewals in ${seconds.toFixed(0)} s (interval ` +
      `${(1000 * scale).toFixed(1)} ms, time scale ${scale}${flags}), ${failures} failed ` +
      'attempts (the attempt timeout is one interval)'

    return [
      peakFigure(end, bare!.peakRssKb, bareWithProbe!.peakRssKb, run),
      growthFigure(warm, end, warmRenewals, endRenewals),
      cpuFigure(warm, end, endRenewals - warmRenewals),
    ]
  } finally {
    idle.forEach((child) => child.kill('SIGKILL'))
    rmSync(idleDir, { recursive: true, force: true })
    await job.close()
    await emulator.close()
  }
}

function peakFigure(end: HeapSample, bareKb: number, probeKb: number, run: string): Figure {
  const extraKb = end.peakRssKb - bareKb
  return {
    id: '4a',
    title: 'Keeper peak memory (VmHWM) over bare idle node',
    value: `+${mb(extraKb)} (keeper ${mb(end.peakRssKb)}, bare node ${mb(bareKb)})`,
    target: `<= +${mb(PEAK_LIMIT_KB)}`,
    met: extraKb <= PEAK_LIMIT_KB,
    details: [
      run,
      `the keeper carries the heap probe (--expose-gc --import); an idle node with the same ` +
        `probe peaks at ${mb(probeKb)}, so the probe's own share is ${mb(probeKb - bareKb)}`,
    ],
  }
}

function growthFigure(warm: HeapSample, end: HeapSample, from: number, to: number): Figure {
  const growthKb = end.rssAfterGcKb - warm.rssAfterGcKb
  const heapKb = (end.heapUsedBytes - warm.heapUsedBytes) / 1024
  return {
    id: '4b',
    title: `Keeper memory growth from renewal ${from} to ${to}`,
    value: `RSS ${sign(growthKb)}${mb(growthKb)}, heap ${sign(heapKb)}${mb(heapKb)}`,
    target: `< ${mb(GROWTH_LIMIT_KB)} (both)`,
    met: growthKb < GROWTH_LIMIT_KB && heapKb < GROWTH_LIMIT_KB,
    details: [
      `after a full GC: RSS ${mb(warm.rssAfterGcKb)} -> ${mb(end.rssAfterGcKb)}, ` +
        `heap used ${mb(warm.heapUsedBytes / 1024)} -> ${mb(end.heapUsedBytes / 1024)}, ` +
        `heap held by V8 ${mb(warm.heapTotalBytes / 1024)} -> ${mb(end.heapTotalBytes / 1024)}`,
    ],
  }
}

function cpuFigure(warm: HeapSample, end: HeapSample, renewals: number): Figure {
  const perRenewalMs = (end.cpuMs - warm.cpuMs) / renewals
  return {
    id: '4c',
    title: 'Keeper CPU time per renewal (utime + stime)',
    value: `${perRenewalMs.toFixed(2)} ms`,
    details: [
      `${(end.cpuMs - warm.cpuMs).toFixed(0)} ms over ${renewals} renewals after warm-up; at ` +
        `the default 10 s interval that is ${((perRenewalMs / 10_000) * 100).toFixed(3)} % of ` +
        'one core',
    ],
  }
}

function spawnIdle(flags: string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [...flags, '-e', IDLE], { cwd, stdio: 'ignore' })
}

function renewalsOf(keeper: StartedKeeper): number {
  return readStatus(keeper.statusFile)?.renewals ?? 0
}

/** Waits until the keeper has renewed `count` times; fails if it stops making progress. */
async function renewalsReach(keeper: StartedKeeper, count: number): Promise<void> {
  let last = -1
  let lastProgress = Date.now()
  for (;;) {
    const status = readStatus(keeper.statusFile)
    const renewals = status?.renewals ?? 0
    if (renewals >= count) return
    if (status?.state === 'stopped') throw new Error(`the keeper stopped: ${status.stopReason}`)

    if (renewals !== last) [last, lastProgress] = [renewals, Date.now()]
    if (Date.now() - lastProgress > 10_000) throw new Error(`the keeper stalled at ${renewals}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

function sign(value: number): string {
  return value >= 0 ? '+' : ''
}
