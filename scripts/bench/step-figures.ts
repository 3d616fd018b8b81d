import type { Emulator } from '../../emulator/server.js'
import type { Figure } from './figure.js'
import { keeperExitLatencies } from './keeper-exit.js'
import { describeLoadCost, measureLoadCosts } from './load-costs.js'
import { median, ms } from './stats.js'
import { INPUT_SETS, sampleSteps, stepFigure, type StepSamples } from './step-timing.js'

/** The post step polls for the keeper's exit this often (src/keep-alive/keeper-process.ts). */
const POST_POLL_MS = 50

/** Not a runner's step: this only loads the bundles, and fails at once, away from any host. */
const LOAD_ENV = {
  PATH: process.env['PATH'] ?? '',
  'INPUT_API-URL': 'http://127.0.0.1:1',
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
    samples.push(await sampleSteps(emulator, inputSet, sizes.runs))
  }
  const costs = await measureLoadCosts(root, sizes.loadRounds, LOAD_ENV)
  const exits = await keeperExitLatencies(emulator, sizes.exitSamples)

  const [byInputs, bySpecFile] = samples as [StepSamples, StepSamples]
  const loadOf = (what: string) => costs.find((cost) => cost.what.startsWith(what))!
  const mainLoad = loadOf('dist/main')
  const postLoad = loadOf('dist/post')
  const mainWork = median(byInputs.main) - mainLoad.medianMs
  const postWork = median(byInputs.post) - postLoad.medianMs

  return [
    stepFigure('1a', 'main', byInputs, 1.6),
    stepFigure('1b', 'main', bySpecFile, 1.6),
    stepFigure('2a', 'post', byInputs, 1.5),
    stepFigure('2b', 'post', bySpecFile, 1.5),
    {
      id: '1c',
      title: 'Where the main step spends its time (provider + region)',
      value: `loading ${ms(mainLoad.overBareMs)} + work ${ms(mainWork)} over bare node`,
      details: [
        ...costs.map(describeLoadCost),
        `work = main step - dist/main that stops at once: create, first renewal, keeper start`,
      ],
    },
    {
      id: '2c',
      title: 'Where the post step spends its time (provider + region)',
      value: `loading ${ms(postLoad.overBareMs)} + work ${ms(postWork)} over bare node`,
      details: [
        `the keeper exits ${ms(median(exits))} (median of ${exits.length}) after SIGTERM, but ` +
          `the post step looks again only every ${POST_POLL_MS} ms`,
        `work = post step - dist/post with no state: stop the keeper, DeleteRunner, report`,
      ],
    },
  ]
}
