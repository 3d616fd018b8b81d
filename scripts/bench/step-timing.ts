import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import type { Emulator } from '../../emulator/server.js'
import { loadActionManifest } from '../../harness/action-manifest.js'
import { Job } from '../../harness/github-runner.js'
import { jobEnvironment } from '../../harness/job-environment.js'
import type { StepResult } from '../../harness/types.js'
import { readStatus } from '../../src/keep-alive/keeper-status.js'
import type { Figure } from './figure.js'
import { bareNode, spawnToEof } from './spawn-to-eof.js'
import { median, ms, quantile, ratio } from './stats.js'
import { PRODUCTION_RUNNER_SPEC } from '../production-runner.js'

const SPEC_FILE = PRODUCTION_RUNNER_SPEC

export const INPUT_SETS = {
  'provider + region': { provider: 'aws-ec2', region: 'us-east-1' },
  'spec-file': { 'spec-file': 'gitpod-runner.yaml' },
} as const

export interface StepSamples {
  inputSet: keyof typeof INPUT_SETS
  /** Spawn to EOF of both pipes, in ms, each paired with the bare node run just before it. */
  main: number[]
  mainBare: number[]
  post: number[]
  postBare: number[]
  /** The same bundles stopping at once (no inputs, no state): what loading them costs. */
  mainLoad: number[]
  postLoad: number[]
}

/**
 * Runs `runs` jobs (main, then post), each step right after a bare `node -e 0` and its own bundle
 * stopping at once, spawned the same way with the same job environment. Real time: no time
 * scale, default renew-interval.
 */
export async function sampleSteps(
  root: string,
  emulator: Emulator,
  inputSet: keyof typeof INPUT_SETS,
  runs: number,
): Promise<StepSamples> {
  const samples: StepSamples = {
    inputSet,
    main: [],
    mainBare: [],
    post: [],
    postBare: [],
    mainLoad: [],
    postLoad: [],
  }
  const inputs = { token: emulator.token, 'api-url': emulator.url, ...INPUT_SETS[inputSet] }
  const manifest = loadActionManifest(root)

  for (let run = 0; run < runs; run++) {
    const job = await Job.create()
    try {
      writeFileSync(join(job.workspace, 'gitpod-runner.yaml'), SPEC_FILE)
      const { workspace, runnerTemp, trackingId } = job
      const env = jobEnvironment({ workspace, runnerTemp, trackingId, debug: false })

      samples.mainBare.push(await bareNode(env, job.workspace))
      samples.mainLoad.push(await loadOnly(manifest.main, env, job.workspace))
      const main = await job.runMain(inputs)
      checkStep(main)
      samples.main.push(main.eofMs)
      // The keeper's own start would compete with the next measurement on a 2-core machine.
      await keeperStarted(main)

      samples.postBare.push(await bareNode(env, job.workspace))
      samples.postLoad.push(await loadOnly(manifest.post!, env, job.workspace))
      const post = await job.runPost(main)
      checkStep(post)
      samples.post.push(post.eofMs)
    } finally {
      await job.close()
    }
  }
  return samples
}

export function stepFigure(
  id: string,
  step: 'main' | 'post',
  samples: StepSamples,
  targetRatio: number,
): Figure {
  const times = samples[step]
  const bare = step === 'main' ? samples.mainBare : samples.postBare
  const paired = times.map((time, index) => time / bare[index]!)
  const medianRatio = median(paired)

  const what = step === 'main' ? 'Main step' : 'Post step'
  return {
    id,
    title: `${what} (${samples.inputSet}) vs bare node -e 0, spawn to EOF`,
    value: `median ${ratio(medianRatio)}, p90 ${ratio(quantile(paired, 0.9))}`,
    target: `median <= ${ratio(targetRatio)}`,
    met: medianRatio <= targetRatio,
    details: [
      `${times.length} interleaved pairs; ratio of each step to the bare run just before it`,
      `${step}: median ${ms(median(times))}, p90 ${ms(quantile(times, 0.9))}; ` +
        `bare node: median ${ms(median(bare))}, p90 ${ms(quantile(bare, 0.9))}`,
      `ratio of medians ${ratio(median(times) / median(bare))}; ` +
        `excess over bare node: median ${ms(median(times) - median(bare))}`,
    ],
  }
}

/**
 * The bundle run with the job's environment but no inputs or state: main fails on the missing
 * token before any call, post finds nothing to clean up. Loading is all they do.
 */
async function loadOnly(script: string, env: Record<string, string>, cwd: string) {
  const { ms } = await spawnToEof([script], env, cwd)
  return ms
}

function checkStep(step: StepResult): void {
  if (step.failed || step.hungPipes) {
    throw new Error(`the ${step.phase} step failed (exit ${step.exitCode}):\n${step.log}`)
  }
}

async function keeperStarted(main: StepResult): Promise<void> {
  const { statusFile } = JSON.parse(main.state['keeper'] ?? '{}') as { statusFile?: string }
  if (!statusFile) throw new Error('the main step started no keeper')

  const until = Date.now() + 5000
  while (!readStatus(statusFile)) {
    if (Date.now() > until) throw new Error('the keeper wrote no status within 5 s')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
