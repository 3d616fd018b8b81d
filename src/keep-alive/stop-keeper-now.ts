import { isRunning, linuxCommandLine, namesKeeperScript, signal } from './keeper-process.js'
import { readStatus } from './keeper-status.js'
import type { KeeperToStop } from './stop-keeper.js'

/**
 * For a post step that is being cancelled: sends SIGTERM to the keeper at once, synchronously,
 * when its status file still names it (and, on Linux, its command line is still the keeper's).
 * It does not wait; the runner's end-of-job sweep remains the backstop.
 */
export function stopKeeperNow(keeper: KeeperToStop): void {
  if (!isRunning(keeper.pid)) return
  const status = readStatus(keeper.statusFile)
  if (status && (status.pid !== keeper.pid || status.instance !== keeper.instance)) return
  if (process.platform === 'linux' && !namesKeeperScript(linuxCommandLine(keeper.pid) ?? '')) {
    return
  }
  signal(keeper.pid, 'SIGTERM')
}
