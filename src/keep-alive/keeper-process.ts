import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'

/**
 * What the operating system says about a process id, with every POSIX-only call guarded so
 * that the post step works on Windows too.
 */

/** Alive, and not a zombie: a keeper that exited but was not yet reaped counts as stopped. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !isZombie(pid)
}

function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The state letter follows the command name in parentheses, which may hold ')' itself.
    const state = stat.charAt(stat.lastIndexOf(')') + 2)
    return state === 'Z' || state === 'X'
  } catch {
    return false
  }
}

/** The command line of a process; undefined where it cannot be read (Windows, or it ended). */
export async function commandLine(pid: number): Promise<string | undefined> {
  if (process.platform === 'linux') return linuxCommandLine(pid)
  if (process.platform === 'darwin') return psCommand(pid)
  return undefined
}

/** Linux only, and synchronous, for a post step that is being cancelled. */
export function linuxCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
  } catch {
    return undefined
  }
}

function psCommand(pid: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'command=', '-p', String(pid)], { timeout: 2000 }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    )
  })
}

/** The bundled keeper, or the TypeScript entry point that tests run through a loader. */
const KEEPER_SCRIPT = /[\\/](keeper[\\/]index\.js|entrypoints[\\/]keeper\.ts)(\s|$)/

export function namesKeeperScript(command: string): boolean {
  return KEEPER_SCRIPT.test(command)
}

/** Sends a signal, ignoring a process that is already gone. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // ESRCH: it exited between the check and the signal, which is what we wanted.
  }
}

/** Polls until the process is gone or `withinMs` (real time) has passed. */
export async function waitForExit(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs
  // The keeper exits within a few milliseconds of SIGTERM: look soon, then less often.
  for (let poll = 0; isRunning(pid); poll++) {
    if (Date.now() >= until) return false
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 5 * 2 ** poll)))
  }
  return true
}
