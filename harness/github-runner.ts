import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildInputsEnv, loadActionManifest, type ActionManifest } from './action-manifest.js'
import { createStepFiles, readFileCommands, stepFilesEnv } from './file-commands.js'
import { jobEnvironment } from './job-environment.js'
import { renderStepLog } from './step-log.js'
import { runStepProcess } from './step-process.js'
import { findTrackedProcesses, killTrackedProcesses } from './tracked-processes.js'
import type { JobOptions, StepOptions, StepResult } from './types.js'

export { findSecrets } from './find-secrets.js'
export type { Annotation, JobOptions, StepFiles, StepOptions, StepResult } from './types.js'

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The runner's defaults (actions/runner ProcessInvoker and the cancellation reference). */
const DEFAULT_TIMEOUT_MS = 60_000
const CANCEL_GRACE_MS: [number, number] = [7500, 2500]
const HUNG_PIPE_WAIT_MS = 5000

/** What the job remembers of a main step so that its post runs with the same step env. */
interface MainStep {
  stepEnv: Record<string, string>
}

/**
 * One job on an emulated GitHub runner: runs an action's main and post scripts as the runner does
 * (inputs, GITHUB_* files, workflow commands, masking, cancellation, the end-of-job sweep).
 */
export class Job {
  private readonly exportedEnv: Record<string, string> = {}
  private readonly jobMasks: string[] = []
  private readonly mainSteps = new WeakMap<StepResult, MainStep>()
  private stepCount = 0

  private constructor(
    readonly dir: string,
    readonly runnerTemp: string,
    readonly workspace: string,
    readonly trackingId: string,
    private readonly manifest: ActionManifest,
    private readonly options: JobOptions,
    private readonly baseEnv: Record<string, string>,
  ) {}

  static async create(options: JobOptions = {}): Promise<Job> {
    const manifest = loadActionManifest(options.actionDir ?? REPOSITORY_ROOT)

    const dir = await mkdtemp(join(tmpdir(), 'gitpod-runner-job-'))
    const runnerTemp = join(dir, 'temp')
    const workspace = join(dir, 'workspace')
    await mkdir(runnerTemp)
    await mkdir(workspace)

    const trackingId = `github_${randomUUID()}`
    const debug = options.debug ?? false
    const baseEnv = jobEnvironment({ workspace, runnerTemp, trackingId, debug })
    return new Job(dir, runnerTemp, workspace, trackingId, manifest, options, baseEnv)
  }

  async runMain(inputs: Record<string, string>, options: StepOptions = {}): Promise<StepResult> {
    const inputsEnv = buildInputsEnv(this.manifest, inputs)
    const id = options.id ?? this.nextStepId()
    const stepEnv = options.env ?? {}

    const result = await this.runStep('main', this.manifest.main, id, inputsEnv, {}, options)
    this.mainSteps.set(result, { stepEnv })
    return result
  }

  /** The post of `main`: same step id, INPUT_* and step env, plus STATE_<name> as main saved it. */
  async runPost(main: StepResult, options: StepOptions = {}): Promise<StepResult> {
    if (!this.manifest.post) throw new Error(`${this.manifest.dir}/action.yml has no runs.post`)

    const stateEnv = Object.fromEntries(
      Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]),
    )
    const stepEnv = { ...this.mainSteps.get(main)?.stepEnv, ...options.env }

    const postOptions = { ...options, env: stepEnv }
    const id = options.id ?? main.id
    return this.runStep('post', this.manifest.post, id, main.inputsEnv, stateEnv, postOptions)
  }

  /** Live processes carrying this job's RUNNER_TRACKING_ID (Linux; [] elsewhere). */
  processes(): number[] {
    return findTrackedProcesses(this.trackingId)
  }

  /** The runner's "Complete job": kill what processes() finds, then remove the job's folder. */
  async close(): Promise<void> {
    await killTrackedProcesses(this.trackingId)
    await rm(this.dir, { recursive: true, force: true })
  }

  private nextStepId(): string {
    this.stepCount += 1
    return this.stepCount === 1 ? '__run' : `__run_${this.stepCount}`
  }

  private async runStep(
    phase: StepResult['phase'],
    script: string,
    id: string,
    inputsEnv: Record<string, string>,
    stateEnv: Record<string, string>,
    options: StepOptions,
  ): Promise<StepResult> {
    // Say what is missing rather than let node fail inside the step (dist/ is built separately).
    if (!existsSync(script))
      throw new Error(`${phase} script ${script} does not exist; bundle first`)

    const files = createStepFiles(this.runnerTemp)
    const env = {
      ...this.baseEnv,
      ...this.options.env,
      ...this.exportedEnv,
      ...options.env,
      ...inputsEnv,
      ...stateEnv,
      GITHUB_ACTION: id,
      ...stepFilesEnv(files),
    }

    const run = await runStepProcess({
      script,
      env,
      cwd: this.workspace,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      cancelAfterMs: options.cancelAfterMs,
      cancelGraceMs: options.cancelGraceMs ?? CANCEL_GRACE_MS,
      hungPipeWaitMs: options.hungPipeWaitMs ?? HUNG_PIPE_WAIT_MS,
    })

    const shown = renderStepLog(run.lines, this.jobMasks, this.options.debug ?? false)
    this.jobMasks.push(...shown.masks)
    const exported = readFileCommands(files.env)
    Object.assign(this.exportedEnv, exported)

    return {
      phase,
      id,
      exitCode: run.exitCode,
      signal: run.signal,
      cancelled: run.cancelled,
      timedOut: run.timedOut,
      hungPipes: run.hungPipes,
      stdout: run.stdout,
      stderr: run.stderr,
      ...shown,
      outputs: readFileCommands(files.output),
      state: readFileCommands(files.state),
      env: exported,
      summary: await readFile(files.summary, 'utf8'),
      failed: run.exitCode !== 0,
      exitMs: run.exitMs,
      eofMs: run.eofMs,
      inputsEnv,
      files,
    }
  }
}
