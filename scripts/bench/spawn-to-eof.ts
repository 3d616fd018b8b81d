import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/**
 * Milliseconds from spawn until the process exited and both of its pipes reached EOF: what a
 * runner waits for. The same spawn as the harness's step process (runner's node, no shell,
 * stdio ignore/pipe/pipe), for a baseline such as `node -e 0`.
 */
export function spawnToEof(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ ms: number; exitCode: number | null }> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })

  return new Promise((resolve, reject) => {
    let open = 3
    let exitCode: number | null = null
    const done = () => {
      open -= 1
      if (open === 0) resolve({ ms: performance.now() - started, exitCode })
    }
    child.stdout.on('data', () => undefined).once('end', done)
    child.stderr.on('data', () => undefined).once('end', done)
    child.once('exit', (code) => {
      exitCode = code
      done()
    })
    child.once('error', reject)
  })
}

/** `node -e 0`, the baseline every step is compared with. */
export async function bareNode(env: Record<string, string>, cwd: string): Promise<number> {
  const { ms, exitCode } = await spawnToEof(['-e', '0'], env, cwd)
  if (exitCode !== 0) throw new Error(`node -e 0 exited with ${exitCode}`)
  return ms
}
