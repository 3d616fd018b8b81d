import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What /proc says a process runs with; '' once it is gone (Linux only, as the harness sweep). */
export function procText(pid: number, what: 'cmdline' | 'environ'): string {
  try {
    return readFileSync(`/proc/${pid}/${what}`, 'utf8').split('\0').join(' ')
  } catch {
    return ''
  }
}

/** SIGKILL `pid` only if its command line still names `script`: a pid is reused once free. */
export function killIfRunning(pid: number, script: RegExp): boolean {
  if (!script.test(procText(pid, 'cmdline'))) return false
  try {
    process.kill(pid, 'SIGKILL')
    return true
  } catch {
    return false
  }
}

/**
 * Calls `onSaved` once, as soon as a step saves the runner id in its GITHUB_STATE file (the
 * harness puts every step's file-command files in one folder under RUNNER_TEMP).
 */
export function whenRunnerIdSaved(runnerTemp: string, onSaved: () => void): () => void {
  const dir = join(runnerTemp, '_runner_file_commands')
  const timer = setInterval(() => {
    if (!existsSync(dir)) return
    const saved = readdirSync(dir)
      .filter((name) => name.startsWith('save_state_'))
      .some((name) => readOrEmpty(join(dir, name)).includes('runner-id'))
    if (!saved) return

    clearInterval(timer)
    onSaved()
  }, 3)
  return () => clearInterval(timer)
}

/** Every file under `dir`, with its text, for the secret sweep (skipping what `skip` names). */
export function filesUnder(dir: string, skip: (name: string) => boolean): [string, string][] {
  if (!existsSync(dir)) return []
  const found: [string, string][] = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || skip(entry.name)) continue
    const path = join(entry.parentPath, entry.name)
    found.push([path, readOrEmpty(path)])
  }
  return found
}

export function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
