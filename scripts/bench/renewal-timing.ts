import { startEmulator, type Emulator } from '../../emulator/server.js'
import { Job } from '../../harness/github-runner.js'
import type { StepResult } from '../../harness/types.js'
import { TIME_SCALE_VARIABLE } from '../../src/time-scale.js'
import { renewalFaults, seededRandom } from './fault-plan.js'
import type { Figure } from './figure.js'
import { quantile } from './stats.js'

export interface RenewalTimingOptions {
  renewals: number
  scale: number
  /** The renew-interval input, in (unscaled) seconds. */
  intervalSeconds: number
  faultShare: number
  seed: number
}

const LIFETIME_SECONDS = 30

interface Run {
  /** Gaps between the keeper's successful renewals, unscaled seconds. */
  gapsSeconds: number[]
  /** From main's renewal to the keeper's first, real ms. */
  handOverMs: number
  lapses: number
  calls: number
  faults: number
  seconds: number
}

/**
 * Item 5: the bundled action's keeper renewing `renewals` times on scaled time, once on a clean
 * API and once with transient faults on a share of the calls. Both run at once, each against
 * its own emulator; gaps come from the emulator's timeline.
 */
export async function renewalTimingFigures(options: RenewalTimingOptions): Promise<Figure[]> {
  const [clean, faulty] = await Promise.all([
    runKeeper(options, 0),
    runKeeper(options, options.faultShare),
  ])
  const scaleNote =
    `time scale ${options.scale}: each ms of delay on this machine (timers, scheduling, ` +
    `the call itself) counts ${(1 / options.scale / 1000).toFixed(2)} s unscaled`

  return [
    timingFigure('5a', 'without faults', clean!, options, options.intervalSeconds + 1, [scaleNote]),
    timingFigure(
      '5b',
      `with ${options.faultShare * 100} % transient faults`,
      faulty!,
      options,
      LIFETIME_SECONDS,
      [
        `${faulty!.faults} faults among ${faulty!.calls} MarkRunnerActive calls: unavailable, ` +
          'resource_exhausted with Retry-After 1 s, an HTML 502, a dropped connection ' +
          `(seeded ${options.seed})`,
      ],
    ),
  ]
}

function timingFigure(
  id: string,
  variant: string,
  run: Run,
  options: RenewalTimingOptions,
  limitSeconds: number,
  notes: string[],
): Figure {
  const interval = options.intervalSeconds
  const lateness = run.gapsSeconds.map((gap) => gap - interval)
  const longest = Math.max(...run.gapsSeconds)
  const realMs = (unscaledSeconds: number) =>
    `${(unscaledSeconds * 1000 * options.scale).toFixed(1)} ms`
  const strict = limitSeconds === LIFETIME_SECONDS
  return {
    id,
    title: `Renewal timing over ${run.gapsSeconds.length} renewals, ${variant}`,
    value:
      `p99 lateness ${seconds(quantile(lateness, 0.99))}, longest gap ${seconds(longest)}, ` +
      `${run.lapses} lapses`,
    target: strict
      ? `longest gap < ${limitSeconds} s, no lapse`
      : `longest gap <= ${limitSeconds} s`,
    met: (strict ? longest < limitSeconds : longest <= limitSeconds) && run.lapses === 0,
    details: [
      `unscaled: interval ${interval} s; median gap ${seconds(quantile(run.gapsSeconds, 0.5))}, ` +
        `p99 gap ${seconds(quantile(run.gapsSeconds, 0.99))}; lateness = gap - interval ` +
        '(jitter only ever renews earlier)',
      `in real time: interval ${realMs(interval)}, p99 lateness ${realMs(quantile(lateness, 0.99))}` +
        `, longest gap ${realMs(longest)}`,
      `${run.seconds.toFixed(0)} s of real time; not counted: the hand-over from main's ` +
        `renewal to the keeper's first, ${run.handOverMs} ms real (the keeper's start-up, ` +
        'which does not scale)',
      ...notes,
    ],
  }
}

async function runKeeper(options: RenewalTimingOptions, faultShare: number): Promise<Run> {
  const { scale } = options
  const emulator = await startEmulator({ lifetimeMs: LIFETIME_SECONDS * 1000 * scale })
  const job = await Job.create({ env: { [TIME_SCALE_VARIABLE]: String(scale) } })
  try {
    const started = Date.now()
    const main = await job.runMain({
      token: emulator.token,
      'api-url': emulator.url,
      provider: 'aws-ec2',
      'renew-interval': String(options.intervalSeconds),
      'keep-alive-timeout': '7200',
    })
    checkStep(main)

    // Main's renewal comes first, then the keeper's; the keeper's start-up between them does
    // not scale with time, so that gap is reported apart and the faults begin after it.
    await renewalsReach(emulator, 2)
    const random = seededRandom(options.seed)
    const calls = Math.ceil((options.renewals / (1 - faultShare)) * 1.5)
    const retryAfterMs = Math.max(1, Math.round(1000 * scale))
    const faults = faultShare > 0 ? renewalFaults(calls, faultShare, random, retryAfterMs) : []
    if (faults.length > 0) emulator.faults.add(faults)
    const callsBefore = markRunnerActiveCalls(emulator)

    await renewalsReach(emulator, options.renewals + 2)
    checkStep(await job.runPost(main))

    const [registration] = emulator.registrations()
    if (!registration?.deleted) throw new Error('the post step did not delete the registration')
    const renewed = registration.timeline.flatMap((e) => (e.type === 'renewed' ? [e.gapMs] : []))
    return {
      gapsSeconds: renewed.slice(2).map((gapMs) => gapMs / scale / 1000),
      handOverMs: renewed[1]!,
      lapses: registration.lapses,
      calls: markRunnerActiveCalls(emulator) - callsBefore,
      faults: faults.length - emulator.faults.list().length,
      seconds: (Date.now() - started) / 1000,
    }
  } finally {
    await job.close()
    await emulator.close()
  }
}

function markRunnerActiveCalls(emulator: Emulator): number {
  return emulator.requests().filter((request) => request.method === 'MarkRunnerActive').length
}

async function renewalsReach(emulator: Emulator, count: number): Promise<void> {
  let last = -1
  let lastProgress = Date.now()
  for (;;) {
    const renewals = emulator.registrations()[0]?.renewals ?? 0
    if (renewals >= count) return

    if (renewals !== last) [last, lastProgress] = [renewals, Date.now()]
    if (Date.now() - lastProgress > 10_000) throw new Error(`renewals stalled at ${renewals}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

function checkStep(step: StepResult): void {
  if (step.failed) throw new Error(`the ${step.phase} step failed:\n${step.log}`)
}

function seconds(value: number): string {
  return `${value.toFixed(2)} s`
}
