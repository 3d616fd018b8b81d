import type { Emulator } from '../../emulator/server.js'
import type { Figure } from './figure.js'
import { keeperExitLatencies } from './keeper-exit.js'
import { describeLoadCost, measureLoadCosts } from './load-costs.js'
import { median, ms } from './stats.js'
import { INPUT_SETS, sampleSteps, stepFigure, type StepSamples } from './step-timing.js'

/** The post step polls for the keeper's exit this often (src/keep-alive/keeper-process.ts). */
const POST_POLL_MS = 50

/** Only loads scripts; the proxy variables catch a request to anything but loopback. */
const LOAD_ENV = {
  PATH: process.env['PATH'] ?? '',
  HTTP_PROXY: 'http://127.0.0.1:1',
  HTTPS_PROXY: 'http://127.0.0.1:1',
}

/**
 * Items 1 and 2 (main and post against bare node, for each input set), then what explains them:
 * start-up costs of the pieces, and how long the keeper takes to exit once signalled.
 */
export async function stepFigures(
  root: string,
  emulator: Emulator,
  sizes: { runs: number; loadRounds: number; exitSamples: number },
): Promise<Figure[]> {
  const samples: StepSamples[] = []
  for (const inputSet of Object.keys(INPUT_SETS) as (keyof typeof INPUT_SETS)[]) {
    samples.push(await sampleSteps(root, emulator, inputSet, sizes.runs))
  }
  const costs = await measureLoadCosts(root, sizes.loadRounds, LOAD_ENV)
  const exits = await keeperExitLatencies(emulator, sizes.exitSamples)

  const [byInputs, bySpecFile] = samples as [StepSamples, StepSamples]
  const split = (step: number[], load: number[], bare: number[]) => ({
    load: median(load.map((time, index) => time - bare[index]!)),
    work: median(step.map((time, index) => time - load[index]!)),
  })
  const main = split(byInputs.main, byInputs.mainLoad, byInputs.mainBare)
  const post = split(byInputs.post, byInputs.postLoad, byInputs.postBare)

  return [
    stepFigure('1a', 'main', byInputs, 1.6),
    stepFigure('1b', 'main', bySpecFile, 1.6),
    stepFigure('2a', 'post', byInputs, 1.5),
    stepFigure('2b', 'post', bySpecFile, 1.5),
    {
      id: '1c',
      title: 'Where the main step spends its time (provider + region)',
      value: `loading ${ms(main.load)} + work ${ms(main.work)} over bare node (medians)`,
      details: [
        'loading: dist/main stopping at once (no inputs) - bare node; work: the main step - ' +
          'that (create, first renewal, keeper start), paired within the runs of 1a',
        'start-up costs of the pieces, in their own interleaved rounds:',
        ...costs.map((cost) => `  ${describeLoadCost(cost)}`),
      ],
    },
    {
      id: '2c',
      title: 'Where the post step spends its time (provider + region)',
      value: `loading ${ms(post.load)} + work ${ms(post.work)} over bare node (medians)`,
      details: [
        'loading: dist/post stopping at once (no state) - bare node; work: the post step - ' +
          'that (stop the keeper, DeleteRunner, report), paired within the runs of 2a',
        `the keeper exits ${ms(median(exits))} (median of ${exits.length}) after SIGTERM, but ` +
          `the post step looks again only every ${POST_POLL_MS} ms`,
      ],
    },
  ]
}
