// `npm run chaos`: hundreds of randomised lifecycles of the bundled action (dist/) against the
// emulator, with faults on the API calls and on the processes, and the figures that must stay 0.
// Replay a run with its seed: `npm run chaos -- --seed 123 --runs 50` (or `--only 17`).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { describeLifecycle } from './chaos/describe.js'
import type { LifecycleRecord } from './chaos/lifecycle.js'
import { newSeed } from './chaos/random.js'
import { failedFigures, figuresOf, formatReport } from './chaos/report.js'
import { DEFAULTS, runChaos, type ChaosOptions } from './chaos/run.js'
import type { Verdict } from './chaos/verdict.js'

const USAGE = `usage: npm run chaos -- [--seed <n>] [--runs <n>] [--only <i,j,...>]
  [--concurrency <n>] [--scale <time scale>] [--max-job-lifetimes <n>] [--unbounded-hangs <share>]
  [--verbose]  (the whole story of every lifecycle: steps, calls, registrations, keeper)`

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

function readOptions(): (ChaosOptions & { verbose: boolean }) | undefined {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      runs: { type: 'string' },
      only: { type: 'string' },
      concurrency: { type: 'string' },
      scale: { type: 'string' },
      'max-job-lifetimes': { type: 'string' },
      'unbounded-hangs': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return undefined

  const number = (raw: string | undefined, fallback: number) =>
    raw === undefined ? fallback : Number(raw)
  const options = {
    verbose: values.verbose,
    seed: number(values.seed, newSeed()),
    runs: number(values.runs, DEFAULTS.runs),
    concurrency: number(values.concurrency, DEFAULTS.concurrency),
    timeScale: number(values.scale, DEFAULTS.timeScale),
    maxJobLifetimes: number(values['max-job-lifetimes'], DEFAULTS.maxJobLifetimes),
    unboundedHangShare: number(values['unbounded-hangs'], DEFAULTS.unboundedHangShare),
    only: values.only?.split(',').map(Number),
  }
  const numbers = [options.seed, options.runs, options.concurrency, ...(options.only ?? [])]
  const valid =
    numbers.every((n) => Number.isInteger(n) && n >= 0) &&
    options.timeScale > 0 &&
    options.maxJobLifetimes >= 1 &&
    options.unboundedHangShare >= 0 &&
    options.unboundedHangShare <= 1
  if (!valid) throw new Error(`bad arguments\n${USAGE}`)
  return options
}

/** Which bundles ran, so that a finding can be tied to a build. */
function bundlesDigest(): string {
  const hash = createHash('sha256')
  for (const entry of ['main', 'post', 'keeper']) {
    hash.update(readFileSync(join(ROOT, 'dist', entry, 'index.js')))
  }
  return `sha256 ${hash.digest('hex').slice(0, 12)}`
}

function progress(verdict: Verdict, record: LifecycleRecord, verbose: boolean): void {
  if (verbose) return void console.log(`\n${describeLifecycle(record).join('\n')}`)
  const bad =
    verdict.orphans.length +
    verdict.duplicates.length +
    verdict.lapses.length +
    verdict.leaks.length +
    verdict.problems.length
  process.stdout.write(bad > 0 ? `[${verdict.index}!]` : '.')
}

async function main(): Promise<void> {
  const options = readOptions()
  if (!options) return void console.log(USAGE)

  const count = options.only?.length ?? options.runs
  console.log(
    `Chaos: seed ${options.seed}, ${count} lifecycles, ${options.concurrency} at a time ` +
      `(replay: npm run chaos -- --seed ${options.seed} --runs ${options.runs})`,
  )
  const bundles = bundlesDigest()
  const result = await runChaos({
    ...options,
    onLifecycle: (verdict, record) => progress(verdict, record, options.verbose),
  })
  console.log(`\n\n${formatReport(result, bundles)}`)
  if (bundlesDigest() !== bundles) {
    console.log(
      `\nWARNING: dist/ changed during the run (now ${bundlesDigest()}); replay findings.`,
    )
  }

  const failed = failedFigures(figuresOf(result.verdicts))
  if (failed.length > 0) {
    console.log(`\nFAILED: ${failed.join(', ')} not 0 (seed ${options.seed})`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 2
})
