import { spawn, type ChildProcess } from 'node:child_process'

import { startEmulator } from '../../emulator/server.js'
import { Job } from '../../harness/github-runner.js'
import type { StepResult } from '../../harness/types.js'
import { readStatus } from '../../src/keep-alive/keeper-status.js'
import type { Figure } from './figure.js'
import { cpuMs, pssKb, sampleProcess } from './proc.js'
import { mb, median, sum } from './stats.js'

export interface ScaleOptions {
  registrations: number
  /** How long the keepers' CPU is measured, once all are running. */
  windowSeconds: number
  /** The renew-interval input; real time, no scale. */
  intervalSeconds: number
  cores: number
}

const PEAK_LIMIT_KB = 15 * 1024

interface Keeper {
  pid: number
  statusFile: string
}

/**
 * Item 6: `registrations` uses of the action at once against one emulator, each with its own
 * keeper, in real time: no lapse, and what the keepers cost together.
 */
export async function scaleFigures(options: ScaleOptions): Promise<Figure[]> {
  const emulator = await startEmulator({ lifetimeMs: 30_000 })
  let idleNode: ChildProcess | undefined
  const jobs = await Promise.all(Array.from({ length: options.registrations }, () => Job.create()))
  try {
    const inputs = {
      token: emulator.token,
      'api-url': emulator.url,
      provider: 'aws-ec2',
      region: 'us-east-1',
      'renew-interval': String(options.intervalSeconds),
    }
    const mainsStarted = Date.now()
    const mains = await Promise.all(jobs.map((job) => job.runMain(inputs)))
    const mainsSeconds = (Date.now() - mainsStarted) / 1000
    mains.forEach(checkStep)
    const keepers = mains.map(keeperOf)
    await allRunning(keepers)

    const idle = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
    idleNode = idle
    const renewalsBefore = totalRenewals(keepers)
    const cpuBefore = keepers.map(({ pid }) => cpuMs(pid))
    const emulatorBefore = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, options.windowSeconds * 1000))
    const cpuSpent = sum(keepers.map(({ pid }, index) => cpuMs(pid) - cpuBefore[index]!))
    const emulatorCpu = process.cpuUsage(emulatorBefore)
    const renewals = totalRenewals(keepers) - renewalsBefore
    const memory = keepers.map(({ pid }) => ({ ...sampleProcess(pid), pssKb: pssKb(pid) }))
    const bareKb = sampleProcess(idle.pid!).peakRssKb
    const peakKb = median(memory.map((m) => m.peakRssKb))

    const posts = await Promise.all(jobs.map((job, index) => job.runPost(mains[index]!)))
    posts.forEach(checkStep)
    const registrations = emulator.registrations()
    const lapses = sum(registrations.map((registration) => registration.lapses))
    const longestGapMs = Math.max(...registrations.map((r) => r.longestGapMs))
    const deleted = registrations.filter((registration) => registration.deleted).length

    const perRenewalMs = cpuSpent / renewals
    const coreShare = cpuSpent / (options.windowSeconds * 1000) / options.cores
    const atDefault = coreShare / (10 / options.intervalSeconds)
    const emulatorMs = (emulatorCpu.user + emulatorCpu.system) / 1000
    return [
      {
        id: '6a',
        title: `${options.registrations} registrations at once, one keeper each`,
        value: `${lapses} lapses, longest gap ${(longestGapMs / 1000).toFixed(2)} s`,
        target: 'no lapse',
        met: lapses === 0 && deleted === options.registrations,
        details: [
          `renew-interval ${options.intervalSeconds} s in real time (the fastest allowed); ` +
            `${options.registrations} main steps started together took ` +
            `${mainsSeconds.toFixed(1)} s to end; ${deleted} registrations deleted by the posts`,
        ],
      },
      {
        id: '6b',
        title: `CPU of the ${options.registrations} keepers together`,
        value:
          `${perRenewalMs.toFixed(2)} ms per renewal, ` +
          `${(cpuSpent / options.windowSeconds) | 0} ms per second = ` +
          `${(coreShare * 100).toFixed(2)} % of ${options.cores} cores`,
        details: [
          `${renewals} renewals in ${options.windowSeconds} s; at the default 10 s interval ` +
            `the same keepers would use ${(atDefault * 100).toFixed(3)} % of ${options.cores} cores`,
          `the emulator (in the benchmark's process) used ${emulatorMs.toFixed(0)} ms meanwhile`,
        ],
      },
      {
        id: '6c',
        title: `Memory of the ${options.registrations} keepers, peak over bare idle node`,
        value: `median peak +${mb(peakKb - bareKb)} (keeper ${mb(peakKb)}, bare ${mb(bareKb)})`,
        target: `<= +${mb(PEAK_LIMIT_KB)}, as 4a but at a real renewal rate`,
        met: peakKb - bareKb <= PEAK_LIMIT_KB,
        details: [
          `all keepers: RSS ${mb(sum(memory.map((m) => m.rssKb)))}, ` +
            `PSS ${mb(sum(memory.map((m) => m.pssKb)))} (shared pages counted once); ` +
            `per keeper: median RSS ${mb(median(memory.map((m) => m.rssKb)))}, median PSS ` +
            `${mb(median(memory.map((m) => m.pssKb)))}`,
        ],
      },
    ]
  } finally {
    idleNode?.kill('SIGKILL')
    await Promise.all(jobs.map((job) => job.close()))
    await emulator.close()
  }
}

function keeperOf(main: StepResult): Keeper {
  const keeper = JSON.parse(main.state['keeper'] ?? 'null') as Keeper | null
  if (!keeper) throw new Error('a main step started no keeper')
  return keeper
}

function totalRenewals(keepers: Keeper[]): number {
  return sum(keepers.map(({ statusFile }) => readStatus(statusFile)?.renewals ?? 0))
}

/** Every keeper has written its status, so none is still loading when the window opens. */
async function allRunning(keepers: Keeper[]): Promise<void> {
  const until = Date.now() + 30_000
  while (keepers.some(({ statusFile }) => !readStatus(statusFile))) {
    if (Date.now() > until) throw new Error('keepers not running within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function checkStep(step: StepResult): void {
  if (step.failed) throw new Error(`a ${step.phase} step failed:\n${step.log}`)
}
