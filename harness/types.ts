/** The shapes the harness hands to tests. See github-runner.ts for the runner they emulate. */

export interface JobOptions {
  /** Folder with action.yml and the scripts it names (default: the repository root). */
  actionDir?: string
  /** Extra job environment, as a workflow's `env:` (e.g. GITPOD_RUNNER_ACTION_TIME_SCALE). */
  env?: Record<string, string>
  /** Step debug logging: RUNNER_DEBUG=1, and `::debug::` lines shown in `log`. */
  debug?: boolean
}

export interface StepOptions {
  /** GITHUB_ACTION, the step's id. Default: unique per step ('__run', '__run_2', ...). */
  id?: string
  /** Extra env for this step only, as a step's `env:`. */
  env?: Record<string, string>
  /** Kill the process and fail the step after this long (default 60_000). */
  timeoutMs?: number
  /** Emulate a cancelled run: SIGINT after this long, then SIGTERM, then SIGKILL. */
  cancelAfterMs?: number
  /** Waits before SIGTERM and before SIGKILL once cancelled (runner: 7500, 2500). */
  cancelGraceMs?: [number, number]
  /** How long to wait for EOF once the process exited (runner: 5000). */
  hungPipeWaitMs?: number
}

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  /** file, line, col, endLine, endColumn, title: as the command gave them, unescaped. */
  properties: Record<string, string>
}

export interface StepFiles {
  output: string
  state: string
  env: string
  summary: string
}

export interface StepResult {
  phase: 'main' | 'post'
  /** GITHUB_ACTION the step ran with (post reuses main's, as the runner does). */
  id: string
  exitCode: number | null
  signal: string | null
  cancelled: boolean
  /** The step ran past `timeoutMs` and was killed. */
  timedOut: boolean
  /** The process exited but a pipe stayed open (a child inherited it) for `hungPipeWaitMs`. */
  hungPipes: boolean
  /** Raw bytes as text, workflow commands included. */
  stdout: string
  stderr: string
  /** What the runner would show: commands removed, groups rendered, masked values as ***. */
  log: string
  outputs: Record<string, string>
  state: Record<string, string>
  env: Record<string, string>
  /** GITHUB_STEP_SUMMARY content. */
  summary: string
  annotations: Annotation[]
  /** Values this step registered with ::add-mask::. */
  masks: string[]
  /** exitCode !== 0: the runner marks the step failed. */
  failed: boolean
  /** Milliseconds from spawn until the process exited. */
  exitMs: number
  /** Milliseconds from spawn until both pipes reached EOF, or until the harness gave up on them. */
  eofMs: number
  /** The INPUT_* the step was given. */
  inputsEnv: Record<string, string>
  /** The step's file-command paths, left on disk until close() for secret sweeps. */
  files: StepFiles
}
