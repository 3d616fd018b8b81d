import { runLifecycle, type LifecycleRecord } from './lifecycle.js'
import { planLifecycle, type PlanOptions } from './plan.js'
import { judge, type Verdict } from './verdict.js'

export interface ChaosOptions extends PlanOptions {
  seed: number
  /** Lifecycles 0 .. runs-1, unless `only` names some. */
  runs: number
  /** Lifecycles at a time, each with its own job and emulator. */
  concurrency: number
  /** Replay just these lifecycles of the run. */
  only?: number[]
  /** Called as each lifecycle ends, e.g. for progress or its whole story. */
  onLifecycle?: (verdict: Verdict, record: LifecycleRecord) => void
}

export interface ChaosResult {
  options: ChaosOptions
  verdicts: Verdict[]
  durationMs: number
}

export const DEFAULTS = {
  runs: 200,
  concurrency: 4,
  timeScale: 0.05,
  maxJobLifetimes: 3.5,
  unboundedHangShare: 0.1,
} as const

/** Runs the lifecycles, `concurrency` at a time, and judges each as it ends. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now()
  const indices = options.only ?? Array.from({ length: options.runs }, (_, index) => index)
  const verdicts: Verdict[] = []

  let next = 0
  const worker = async () => {
    while (next < indices.length) {
      const index = indices[next++]!
      const plan = planLifecycle(options.seed, index, options)
      const record = await runLifecycle(plan, options.timeScale)
      const verdict = judge(record)
      verdicts.push(verdict)
      options.onLifecycle?.(verdict, record)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker))

  verdicts.sort((a, b) => a.index - b.index)
  return { options, verdicts, durationMs: Date.now() - started }
}
