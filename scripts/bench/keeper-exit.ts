import type { Emulator } from '../../emulator/server.js'
import { Job } from '../../harness/github-runner.js'
import { isRunning } from '../../src/keep-alive/keeper-process.js'
import { readStatus } from '../../src/keep-alive/keeper-status.js'

/**
 * How long a running keeper takes to exit after SIGTERM, watched as closely as the event loop
 * allows: the part of the post step's wait that the keeper itself needs.
 */
export async function keeperExitLatencies(emulator: Emulator, samples: number): Promise<number[]> {
  const latencies: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    const job = await Job.create()
    try {
      const main = await job.runMain({
        token: emulator.token,
        'api-url': emulator.url,
        provider: 'aws-ec2',
      })
      const keeper = JSON.parse(main.state['keeper'] ?? 'null') as {
        pid: number
        statusFile: string
      } | null
      if (main.failed || !keeper) throw new Error(`the main step failed:\n${main.log}`)
      while (!readStatus(keeper.statusFile)) await sleep(5)
      await sleep(100)

      const started = performance.now()
      process.kill(keeper.pid, 'SIGTERM')
      while (isRunning(keeper.pid)) await new Promise((resolve) => setImmediate(resolve))
      latencies.push(performance.now() - started)
      await job.runPost(main)
    } finally {
      await job.close()
    }
  }
  return latencies
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
