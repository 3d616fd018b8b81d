import { readdirSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Live processes whose environment holds `RUNNER_TRACKING_ID=<trackingId>`, found the way the
 * runner's end-of-job sweep finds them on Linux: by reading /proc/<pid>/environ. Elsewhere the
 * harness finds nothing (the runner uses `ps` on macOS and process memory on Windows).
 */
export function findTrackedProcesses(trackingId: string): number[] {
  if (process.platform !== 'linux') return []

  const entry = `RUNNER_TRACKING_ID=${trackingId}`
  const found: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue

    const pid = Number(name)
    if (pid === process.pid) continue
    // Another user's process, or one that ended while we looked: not ours to sweep.
    const environ = readOrEmpty(`/proc/${pid}/environ`)
    if (environ.split('\0').includes(entry) && isLive(pid)) found.push(pid)
  }
  return found
}

/** Running, not a zombie: an orphan the container's init never reaps must not count. */
export function isLive(pid: number): boolean {
  const stat = readOrEmpty(`/proc/${pid}/stat`)
  if (stat === '') return false
  // The state letter follows the command name, which is in parentheses and may hold spaces.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
  return state !== 'Z' && state !== 'X'
}

/**
 * SIGKILL every tracked process, as the runner does, and wait (bounded) until they are gone.
 * Returns the pids still alive at the deadline.
 */
export async function killTrackedProcesses(trackingId: string, waitMs = 2000): Promise<number[]> {
  const deadline = Date.now() + waitMs
  let pids = findTrackedProcesses(trackingId)
  while (pids.length > 0 && Date.now() < deadline) {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Gone between the look and the kill.
      }
    }
    await sleep(20)
    pids = findTrackedProcesses(trackingId)
  }
  return pids
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
