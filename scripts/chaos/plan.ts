import type { FaultMethod, FaultSpec } from '../../emulator/server.js'
import { randomFault, transientError, type FaultChoice } from './fault-catalogue.js'
import { Random } from './random.js'

export type RenewalCall = 'MarkRunnerActive' | 'UpdateRunner'

/** What happens to the main step's process. */
export type MainFault =
  | { kind: 'none' }
  /** The run is cancelled: SIGINT, then SIGTERM and SIGKILL after the runner's grace times. */
  | { kind: 'cancel'; afterMs: number }
  /** SIGKILL the moment the runner id appears in GITHUB_STATE. */
  | { kind: 'kill-after-create' }
  /** SIGKILL at a random moment (the step's timeout), wherever main is. */
  | { kind: 'kill'; afterMs: number }

export type PostFault =
  | { kind: 'none' }
  | { kind: 'twice' }
  /** The post step itself is cancelled: SIGINT, grace, SIGTERM, grace, SIGKILL. */
  | { kind: 'cancel'; afterMs: number }

/** A time window in which every renewal call fails. */
export interface Outage {
  /** When it is armed, counted from the end of the main step; it begins at the next renewal. */
  afterMainMs: number
  spec: FaultSpec & { forMs: number }
}

export interface LifecyclePlan {
  seed: number
  index: number
  /** The action's inputs besides api-url and token. */
  inputs: Record<string, string>
  renewalCall: RenewalCall
  intervalMs: number
  lifetimeMs: number
  cleanup: boolean
  /** Runners someone else created before the job, so lookups must pick ours out of them. */
  otherRunners: number
  /** Faults on numbered calls, in place before main starts. */
  faults: FaultSpec[]
  outage?: Outage
  main: MainFault
  /** SIGKILL the keeper this long after main ended. */
  keeperKillMs?: number
  post: PostFault
  /** The job's own steps between main and post. */
  jobMs: number
}

export interface PlanOptions {
  /** GITPOD_RUNNER_ACTION_TIME_SCALE. */
  timeScale: number
  /** The longest job, in lifetimes. */
  maxJobLifetimes: number
  /** Share of hangs in the steps that last until the client's own call timeout. */
  unboundedHangShare: number
}

const LIFETIME_MS = 30_000

/** Call numbers that may get a fault, per method the steps call. */
const STEP_CALLS: [FaultMethod, number][] = [
  ['CreateRunner', 5],
  ['ListRunners', 5],
  ['CreateRunnerToken', 3],
  ['DeleteRunner', 5],
]

/** The same seed and index give the same plan, whatever else the run does. */
export function planLifecycle(seed: number, index: number, options: PlanOptions): LifecyclePlan {
  const random = Random.forLifecycle(seed, index)
  const scale = options.timeScale
  const lifetimeMs = LIFETIME_MS * scale
  const interval = random.pick([4, 5, 6])
  const intervalMs = interval * 1000 * scale
  const renewalCall = random.chance(0.75) ? 'MarkRunnerActive' : 'UpdateRunner'
  const cleanup = !random.chance(0.08)

  const inputs: Record<string, string> = {
    provider: random.pick(['aws-ec2', 'gcp']),
    region: random.pick(['us-east-1', 'eu-west-1']),
    'renew-interval': String(interval),
    renewal: renewalCall === 'MarkRunnerActive' ? 'mark-active' : 'update-runner',
    cleanup: String(cleanup),
  }
  if (random.chance(0.3)) inputs['name'] = `chaos-${seed}-${index}`

  const jobMs = Math.round(lifetimeMs * random.between(1, options.maxJobLifetimes))
  const intensity = random.pick([0.1, 0.2, 0.35])
  const faults = [
    ...stepFaults(random, intensity, intervalMs, options),
    ...renewalFaults(random, renewalCall, intensity / 2, jobMs, intervalMs, options),
  ]

  return {
    seed,
    index,
    inputs,
    renewalCall,
    intervalMs,
    lifetimeMs,
    cleanup,
    otherRunners: random.weighted([
      [0, 50],
      [random.int(1, 5), 35],
      [random.int(101, 130), 15],
    ]),
    faults,
    outage: random.chance(0.12) ? outage(random, renewalCall, jobMs, lifetimeMs) : undefined,
    main: mainFault(random),
    keeperKillMs: random.chance(0.12) ? Math.round(jobMs * random.between(0.1, 0.9)) : undefined,
    post: postFault(random),
    jobMs,
  }
}

function stepFaults(
  random: Random,
  intensity: number,
  intervalMs: number,
  options: PlanOptions,
): FaultSpec[] {
  const faults: FaultSpec[] = []
  for (const [method, calls] of STEP_CALLS) {
    for (let call = 0; call < calls; call++) {
      if (!random.chance(intensity)) continue
      const choice = stepChoice(random, intervalMs, options, false)
      faults.push({ method, after: call, fault: randomFault(random, choice) })
    }
  }
  return faults
}

/**
 * Faults on single renewal calls, never more than two in a row: each costs the keeper at most
 * one interval, so together they stay well inside the lifetime. Longer trouble is an outage.
 */
function renewalFaults(
  random: Random,
  method: RenewalCall,
  probability: number,
  jobMs: number,
  intervalMs: number,
  options: PlanOptions,
): FaultSpec[] {
  const faults: FaultSpec[] = []
  const calls = Math.ceil(jobMs / intervalMs) + 4
  let inARow = 0
  for (let call = 0; call < calls; call++) {
    if (inARow >= 2 || !random.chance(probability)) {
      inARow = 0
      continue
    }
    inARow++
    // The first two renewal calls are usually the main step's own first renewal.
    const choice: FaultChoice =
      call < 2
        ? stepChoice(random, intervalMs, options, true)
        : { phase: 'keeper', intervalMs, unboundedHang: true, renewal: true }
    faults.push({ method, after: call, fault: randomFault(random, choice) })
  }
  return faults
}

function stepChoice(
  random: Random,
  intervalMs: number,
  options: PlanOptions,
  renewal: boolean,
): FaultChoice {
  const unboundedHang = random.chance(options.unboundedHangShare)
  return { phase: 'step', intervalMs, unboundedHang, renewal }
}

function outage(random: Random, method: RenewalCall, jobMs: number, lifetimeMs: number): Outage {
  const fault = random.weighted([
    [transientError(random), 50],
    [{ kind: 'html', status: random.pick([502, 503, 504]) }, 20],
    [{ kind: 'drop-before' }, 15],
    [{ kind: 'hang' }, 15],
  ] as const)
  const forMs = Math.round(lifetimeMs * random.between(0.25, 2))
  return {
    afterMainMs: Math.round(jobMs * random.between(0.1, 0.5)),
    spec: { method, forMs, fault },
  }
}

function mainFault(random: Random): MainFault {
  return random.weighted<MainFault>([
    [{ kind: 'none' }, 80],
    [{ kind: 'cancel', afterMs: random.int(50, 700) }, 8],
    [{ kind: 'kill-after-create' }, 8],
    [{ kind: 'kill', afterMs: random.int(80, 600) }, 4],
  ])
}

function postFault(random: Random): PostFault {
  return random.weighted<PostFault>([
    [{ kind: 'none' }, 80],
    [{ kind: 'twice' }, 10],
    [{ kind: 'cancel', afterMs: random.int(5, 300) }, 10],
  ])
}
