import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { rawCall } from '../../emulator/raw-call.js'
import {
  startEmulator,
  type Emulator,
  type RecordedRequest,
  type RegistrationView,
} from '../../emulator/server.js'
import { Job } from '../../harness/github-runner.js'
import type { StepOptions, StepResult } from '../../harness/types.js'
import type { KeeperStatus } from '../../src/keep-alive/keeper-status.js'
import type { LifecyclePlan } from './plan.js'
import { filesUnder, killIfRunning, readOrEmpty, whenRunnerIdSaved } from './processes.js'
import { secretsOf, sweepFiles, sweepProcess, sweepStep, type Leak } from './secret-sweep.js'

export type { Leak } from './secret-sweep.js'

/** Long enough for every retry of every call the steps make; a step past it is a finding. */
const STEP_TIMEOUT_MS = 200_000
const MAIN_SCRIPT = /[\\/]main[\\/]index\.js/
const KEEPER_SCRIPT = /[\\/]keeper[\\/]index\.js/

export interface StepSummary {
  exitCode: number | null
  signal: string | null
  cancelled: boolean
  timedOut: boolean
  hungPipes: boolean
  failed: boolean
  /** As the runner shows it: masked, commands rendered. */
  log: string
  errors: string[]
  warnings: string[]
  startedAt: number
  endedAt: number
}

export interface KeeperTrace {
  status?: KeeperStatus
  log: string
}

/** Everything one lifecycle did, as the steps, the files and the emulator saw it. */
export interface LifecycleRecord {
  plan: LifecyclePlan
  mainStart: number
  mainEnd: number
  keeperKilledAt?: number
  outageArmedAt?: number
  postStart: number
  postEnd: number
  main: StepSummary
  posts: StepSummary[]
  /** GITHUB_STATE as main left it. */
  state: Record<string, string>
  keepers: KeeperTrace[]
  /** This job's registrations, not the other runners that were there before. */
  registrations: RegistrationView[]
  /** The calls the steps and the keeper made. */
  requests: RecordedRequest[]
  leaks: Leak[]
  /** Processes of the job still alive once the post step(s) ended. */
  strayProcesses: number
  /** The chaos run itself failed here (not the action). */
  crash?: string
}

/** One job: main, the job's own steps, post, each under the faults its plan names. */
export async function runLifecycle(
  plan: LifecyclePlan,
  timeScale: number,
): Promise<LifecycleRecord> {
  const emulator = await startEmulator({ lifetimeMs: plan.lifetimeMs })
  const job = await Job.create({ env: { GITPOD_RUNNER_ACTION_TIME_SCALE: String(timeScale) } })
  const record = { plan, posts: [], keepers: [], leaks: [] } as unknown as LifecycleRecord
  try {
    const others = await createOtherRunners(emulator, plan.otherRunners)
    emulator.faults.add(plan.faults)
    await runSteps(plan, emulator, job, record)

    record.keepers = keeperTraces(job.runnerTemp)
    record.registrations = emulator.registrations().filter((r) => !others.has(r.runnerId))
    record.requests = emulator.requests().filter((r) => r.atMs >= record.mainStart)
    record.leaks.push(...sweepFiles(job, secretsOf(emulator)))
  } catch (error) {
    record.crash = error instanceof Error ? (error.stack ?? error.message) : String(error)
  } finally {
    await job.close()
    await emulator.close()
  }
  return record
}

async function runSteps(
  plan: LifecyclePlan,
  emulator: Emulator,
  job: Job,
  record: LifecycleRecord,
): Promise<void> {
  const inputs = { ...plan.inputs, token: emulator.token, 'api-url': emulator.url }

  record.mainStart = Date.now()
  const main = await runMain(plan, job, inputs)
  record.mainEnd = Date.now()
  record.main = summarize(main, record.mainStart)
  record.state = main.state
  record.leaks.push(...sweepStep('main', main, secretsOf(emulator)))

  const keeperPid = keeperPidOf(main.state)
  if (keeperPid) record.leaks.push(...sweepProcess(keeperPid, secretsOf(emulator)))
  await runJob(plan, emulator, keeperPid, record)

  record.postStart = Date.now()
  const postRuns = plan.post.kind === 'twice' ? 2 : 1
  for (let run = 0; run < postRuns; run++) {
    const started = Date.now()
    const options: StepOptions = { timeoutMs: STEP_TIMEOUT_MS }
    if (plan.post.kind === 'cancel') options.cancelAfterMs = plan.post.afterMs
    const post = await job.runPost(main, options)
    record.posts.push(summarize(post, started))
    record.leaks.push(...sweepStep(`post ${run + 1}`, post, secretsOf(emulator)))
  }
  record.postEnd = Date.now()
  record.strayProcesses = job.processes().length
}

function runMain(
  plan: LifecyclePlan,
  job: Job,
  inputs: Record<string, string>,
): Promise<StepResult> {
  const options: StepOptions = { timeoutMs: STEP_TIMEOUT_MS }
  if (plan.main.kind === 'cancel') options.cancelAfterMs = plan.main.afterMs
  if (plan.main.kind === 'kill') options.timeoutMs = plan.main.afterMs
  if (plan.main.kind !== 'kill-after-create') return job.runMain(inputs, options)

  const stop = whenRunnerIdSaved(job.runnerTemp, () => {
    for (const pid of job.processes()) killIfRunning(pid, MAIN_SCRIPT)
  })
  return job.runMain(inputs, options).finally(stop)
}

/** The job's own steps: time passes, an outage comes and goes, the keeper may be killed. */
async function runJob(
  plan: LifecyclePlan,
  emulator: Emulator,
  keeperPid: number | undefined,
  record: LifecycleRecord,
): Promise<void> {
  const events: [number, () => void][] = []
  const { outage, keeperKillMs } = plan
  if (outage) {
    events.push([
      outage.afterMainMs,
      () => {
        emulator.faults.add(outage.spec)
        record.outageArmedAt = Date.now()
      },
    ])
  }
  if (keeperKillMs !== undefined && keeperPid) {
    events.push([
      keeperKillMs,
      () => {
        if (killIfRunning(keeperPid, KEEPER_SCRIPT)) record.keeperKilledAt = Date.now()
      },
    ])
  }

  const start = Date.now()
  for (const [atMs, action] of events.sort((a, b) => a[0] - b[0])) {
    await sleep(Math.max(0, start + atMs - Date.now()))
    action()
  }
  await sleep(Math.max(0, start + plan.jobMs - Date.now()))
}

async function createOtherRunners(emulator: Emulator, count: number): Promise<Set<string>> {
  const ids = new Set<string>()
  for (let n = 0; n < count; n++) {
    const body = { name: `other-job-${n}`, provider: 'RUNNER_PROVIDER_AWS_EC2' }
    const reply = await rawCall(emulator, 'CreateRunner', body)
    ids.add(reply.json.runner.runnerId)
  }
  return ids
}

function summarize(step: StepResult, startedAt: number): StepSummary {
  const messages = (level: string) =>
    step.annotations.filter((a) => a.level === level).map((a) => a.message)
  return {
    exitCode: step.exitCode,
    signal: step.signal,
    cancelled: step.cancelled,
    timedOut: step.timedOut,
    hungPipes: step.hungPipes,
    failed: step.failed,
    log: step.log,
    errors: messages('error'),
    warnings: messages('warning'),
    startedAt,
    endedAt: Date.now(),
  }
}

function keeperPidOf(state: Record<string, string>): number | undefined {
  try {
    const pid = (JSON.parse(state['keeper'] ?? '') as { pid?: unknown }).pid
    return typeof pid === 'number' ? pid : undefined
  } catch {
    return undefined
  }
}

/** Every keeper main started, found by its folder even when main died before saving it. */
function keeperTraces(runnerTemp: string): KeeperTrace[] {
  return filesUnder(runnerTemp, (name) => name !== 'status.json')
    .filter(([path]) => /[\\/]gitpod-runner-[^\\/]+[\\/]status\.json$/.test(path))
    .map(([path, text]) => ({
      status: parseStatus(text),
      log: readOrEmpty(join(path, '..', 'keeper.log')),
    }))
}

function parseStatus(text: string): KeeperStatus | undefined {
  try {
    return JSON.parse(text) as KeeperStatus
  } catch {
    return undefined
  }
}
