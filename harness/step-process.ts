import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import type { Readable } from 'node:stream'

export interface StepProcessOptions {
  script: string
  env: Record<string, string>
  cwd: string
  timeoutMs: number
  cancelAfterMs?: number
  cancelGraceMs: [number, number]
  hungPipeWaitMs: number
}

export interface StepProcessResult {
  exitCode: number | null
  signal: string | null
  cancelled: boolean
  timedOut: boolean
  hungPipes: boolean
  stdout: string
  stderr: string
  /** Complete lines of both streams in the order they arrived. */
  lines: string[]
  exitMs: number
  eofMs: number
}

/**
 * Runs one step's script with the runner's node (never a shell: dash drops `INPUT_API-URL`). The
 * step is over when the process exited and both pipes reached EOF. If a pipe outlives the process
 * (a child inherited it), the runner waits 5 s, kills the process it already lost, and moves on;
 * the harness stops reading after `hungPipeWaitMs` and reports `hungPipes`.
 */
export function runStepProcess(options: StepProcessOptions): Promise<StepProcessResult> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)

  const child = spawn(process.execPath, [options.script], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  const lines: string[] = []
  const stdout = collect(child.stdout, lines)
  const stderr = collect(child.stderr, lines)
  const timers: NodeJS.Timeout[] = []
  const after = (ms: number, action: () => void) => timers.push(setTimeout(action, ms))

  let exited = false
  let cancelled = false
  let timedOut = false
  const signal = (name: NodeJS.Signals) => {
    if (!exited) child.kill(name)
  }

  after(options.timeoutMs, () => {
    timedOut = !exited
    signal('SIGKILL')
  })
  if (options.cancelAfterMs !== undefined) {
    const [termAfter, killAfter] = options.cancelGraceMs
    after(options.cancelAfterMs, () => {
      cancelled = !exited
      signal('SIGINT')
      after(termAfter, () => signal('SIGTERM'))
      after(termAfter + killAfter, () => signal('SIGKILL'))
    })
  }

  return new Promise((resolve, reject) => {
    let exit: { code: number | null; signal: string | null; ms: number } | undefined
    let hungPipes = false

    const finish = () => {
      if (!exit || !(hungPipes || (stdout.ended && stderr.ended))) return
      timers.forEach(clearTimeout)
      stdout.flush()
      stderr.flush()
      resolve({
        exitCode: exit.code,
        signal: exit.signal,
        cancelled,
        timedOut,
        hungPipes,
        stdout: stdout.text(),
        stderr: stderr.text(),
        lines,
        exitMs: exit.ms,
        eofMs: hungPipes ? elapsed() : Math.max(stdout.endedMs, stderr.endedMs),
      })
    }

    stdout.onEnd = stderr.onEnd = finish
    child.once('error', (error) => {
      timers.forEach(clearTimeout)
      reject(error)
    })
    child.once('exit', (code, exitSignal) => {
      exited = true
      exit = { code, signal: exitSignal, ms: elapsed() }
      after(options.hungPipeWaitMs, () => {
        hungPipes = true
        // Close our ends: the child that holds the pipe gets EPIPE, as under the runner.
        child.stdout.destroy()
        child.stderr.destroy()
        finish()
      })
      finish()
    })
  })

  function collect(stream: Readable, into: string[]) {
    let text = ''
    let partial = ''
    const state = {
      ended: false,
      endedMs: 0,
      onEnd: () => {},
      text: () => text,
      // A last line without a newline is still a line.
      flush: () => {
        if (partial !== '') into.push(partial.replace(/\r$/, ''))
        partial = ''
      },
    }
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      text += chunk
      const parts = (partial + chunk).split('\n')
      partial = parts.pop() ?? ''
      into.push(...parts.map((line) => line.replace(/\r$/, '')))
    })
    stream.once('end', () => {
      state.flush()
      state.ended = true
      state.endedMs = elapsed()
      state.onEnd()
    })
    return state
  }
}
