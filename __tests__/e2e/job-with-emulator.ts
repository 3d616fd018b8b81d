import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { Job } from '../../harness/github-runner.js'
import type { JobOptions } from '../../harness/types.js'

/**
 * Scaled time for end-to-end tests: a 30 s lifetime becomes 1.5 s and `renew-interval: 6` becomes
 * 0.3 s, five renewals per lifetime, so a busy 2-core machine does not fake a lapse.
 */
export const TIME_SCALE = 0.05
export const RENEW_INTERVAL = '6'

export interface JobWithEmulator {
  emulator: Emulator
  job: Job
  /** The inputs every test needs: the emulator's URL and token, a short renewal interval. */
  inputs: Record<string, string>
  close(): Promise<void>
}

export async function jobWithEmulator(
  options: { job?: JobOptions; emulator?: EmulatorOptions } = {},
): Promise<JobWithEmulator> {
  const emulator = await startEmulator({ lifetimeMs: 30_000 * TIME_SCALE, ...options.emulator })
  const job = await Job.create({
    ...options.job,
    env: { GITPOD_RUNNER_ACTION_TIME_SCALE: String(TIME_SCALE), ...options.job?.env },
  })
  return {
    emulator,
    job,
    inputs: { token: emulator.token, 'api-url': emulator.url, 'renew-interval': RENEW_INTERVAL },
    close: async () => {
      await job.close()
      await emulator.close()
    },
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The runner's and emulator's view of calls that change something. */
export function writeCalls(emulator: Emulator): string[] {
  const writes = ['CreateRunner', 'UpdateRunner', 'DeleteRunner', 'CreateRunnerToken']
  return emulator
    .requests()
    .filter((r) => writes.includes(r.method))
    .map((r) => r.method)
}
