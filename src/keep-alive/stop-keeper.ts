import { commandLine, isRunning, namesKeeperScript, signal, waitForExit } from './keeper-process.js'
import { readStatus, type KeeperStatus } from './keeper-status.js'

export interface KeeperToStop {
  pid: number
  statusFile: string
  instance: string
}

/**
 * `not-running`: it had already exited (its status says why). `stopped`: it honoured SIGTERM.
 * `killed`: it needed SIGKILL after the grace time. `not-ours`: the pid belongs to some other
 * process now, which was left alone.
 */
export type StopOutcome = 'not-running' | 'stopped' | 'killed' | 'not-ours'

export interface StopResult {
  outcome: StopOutcome
  /** The keeper's last status; undefined when it never wrote one. */
  status?: KeeperStatus
  /** One line on why, when the outcome needs explaining. */
  detail?: string
}

/** After SIGKILL the kernel needs only a moment; waiting longer would not change the outcome. */
const KILL_WAIT_MS = 1000

/**
 * A post step that runs right after main can find the keeper still starting, before its first
 * status write (it comes within milliseconds of the start, after the signal handlers).
 */
const STARTUP_WAIT_MS = 3000

/**
 * Stops the keeper the main step started, in bounded time (at most 3 s + graceMs + 1 s), after
 * making sure the pid is still that keeper: a pid is reused once its process has exited.
 */
export async function stopKeeper(
  keeper: KeeperToStop,
  options: { graceMs?: number } = {},
): Promise<StopResult> {
  const graceMs = options.graceMs ?? 3000
  let status = readStatus(keeper.statusFile)
  // A keeper that stopped itself is gone even if its pid now names another process.
  if (status?.state === 'stopped' || !isRunning(keeper.pid)) {
    return { outcome: 'not-running', status }
  }

  status ??= await waitForStatus(keeper)

  const mismatch = await whyNotOurs(keeper, status)
  if (mismatch) {
    if (!isRunning(keeper.pid)) return { outcome: 'not-running', status }
    return { outcome: 'not-ours', status, detail: mismatch }
  }

  signal(keeper.pid, 'SIGTERM')
  if (await waitForExit(keeper.pid, graceMs)) {
    return { outcome: 'stopped', status: stoppedByPost(readStatus(keeper.statusFile)) }
  }

  signal(keeper.pid, 'SIGKILL')
  const gone = await waitForExit(keeper.pid, KILL_WAIT_MS)
  return {
    outcome: 'killed',
    status: readStatus(keeper.statusFile),
    detail: gone
      ? `it ignored SIGTERM for ${graceMs} ms`
      : `process ${keeper.pid} was still there ${KILL_WAIT_MS} ms after SIGKILL`,
  }
}

async function waitForStatus(keeper: KeeperToStop): Promise<KeeperStatus | undefined> {
  const until = Date.now() + STARTUP_WAIT_MS
  for (;;) {
    const status = readStatus(keeper.statusFile)
    if (status || !isRunning(keeper.pid) || Date.now() >= until) return status
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Undefined when the process is our keeper; otherwise why it is not (or cannot be proved). */
async function whyNotOurs(
  keeper: KeeperToStop,
  status: KeeperStatus | undefined,
): Promise<string | undefined> {
  if (!status) return `process ${keeper.pid} is alive but the keeper left no status file`
  if (status.pid !== keeper.pid || status.instance !== keeper.instance) {
    return `process ${keeper.pid} is not the keeper named in ${keeper.statusFile}`
  }

  // Elsewhere (Windows) there is no cheap way to read another process's command line: the
  // status file decides alone.
  if (process.platform !== 'linux' && process.platform !== 'darwin') return undefined
  const command = await commandLine(keeper.pid)
  if (command === undefined) return `the command line of process ${keeper.pid} cannot be read`
  if (!namesKeeperScript(command)) return `process ${keeper.pid} is no longer the keeper`
  return undefined
}

/**
 * On Windows a signal ends a process at once, so the keeper cannot record that the post step
 * stopped it; the post step records it in its place.
 */
function stoppedByPost(status: KeeperStatus | undefined): KeeperStatus | undefined {
  if (process.platform !== 'win32' || !status || status.state !== 'running') return status
  return { ...status, state: 'stopped', stopReason: 'stopped-by-post', stoppedAt: Date.now() }
}
