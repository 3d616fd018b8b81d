// npm run bench: the performance budget of issue 7, measured in one run on this machine against
// the local emulator. Every time is compared with a baseline measured in the same run, and
// nothing here fails on a timing: the exit code is 1 only when the benchmark itself broke.
// `--only 1,4` runs some items (1 and 2 share their runs); `--quick` is a smoke run whose
// figures mean nothing; `--keeper-flags "--max-semi-space-size=1"` measures item 4 with node
// options for the keeper, to try a proposed change. Results and how to read them: BENCHMARKS.md.
import { availableParallelism, cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { startEmulator } from '../emulator/server.js'
import { TIME_SCALE_VARIABLE } from '../src/time-scale.js'
import { bundleSizeFigure } from './bench/bundle-size.js'
import { printFigure, verdict, type Figure } from './bench/figure.js'
import { keeperMemoryFigures } from './bench/keeper-memory.js'
import { loadAverage } from './bench/proc.js'
import { renewalTimingFigures } from './bench/renewal-timing.js'
import { scaleFigures } from './bench/scale.js'
import { stepFigures } from './bench/step-figures.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const QUICK = process.argv.includes('--quick')
const CORES = availableParallelism()

/** How much of each item to run; the full set takes about five minutes on 2 cores. */
const SIZES = QUICK
  ? {
      stepRuns: 3,
      loadRounds: 3,
      exitSamples: 2,
      renewals: 1500,
      warmUp: 500,
      timed: 100,
      legs: 5,
      window: 5,
    }
  : {
      stepRuns: 30,
      loadRounds: 15,
      exitSamples: 10,
      renewals: 20_000,
      warmUp: 2000,
      timed: 1000,
      legs: 50,
      window: 30,
    }

interface Section {
  items: string[]
  name: string
  run(): Promise<Figure[]>
}

const SECTIONS: Section[] = [
  { items: ['3'], name: 'bundle size', run: async () => [bundleSizeFigure(ROOT)] },
  {
    items: ['1', '2'],
    name: 'main and post steps',
    run: async () => {
      const emulator = await startEmulator({ lifetimeMs: 30_000 })
      try {
        const { stepRuns, loadRounds, exitSamples } = SIZES
        return await stepFigures(ROOT, emulator, { runs: stepRuns, loadRounds, exitSamples })
      } finally {
        await emulator.close()
      }
    },
  },
  {
    items: ['4'],
    name: 'keeper memory and CPU',
    run: () =>
      keeperMemoryFigures({
        renewals: SIZES.renewals,
        warmUpRenewals: SIZES.warmUp,
        scale: 0.004,
        keeperScript: join(ROOT, 'dist/keeper/index.js'),
        keeperFlags: optionValue('--keeper-flags')?.split(' ').filter(Boolean) ?? [],
      }),
  },
  {
    items: ['5'],
    name: 'renewal timing',
    run: () =>
      renewalTimingFigures({
        renewals: SIZES.timed,
        scale: 0.005,
        intervalSeconds: 10,
        faultShare: 0.2,
        seed: 7,
      }),
  },
  {
    items: ['6'],
    name: 'many registrations at once',
    run: () =>
      scaleFigures({
        registrations: SIZES.legs,
        windowSeconds: SIZES.window,
        intervalSeconds: 1,
        cores: CORES,
      }),
  },
]

async function bench(): Promise<number> {
  // The harness and the emulator read the scale from here; each item sets its own.
  delete process.env[TIME_SCALE_VARIABLE]
  const only = selectedItems()
  const started = Date.now()
  console.log(`gitpod-runner-action benchmark${QUICK ? ' (--quick: a smoke run)' : ''}`)
  console.log(
    `machine: ${CORES} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GB, ${process.platform} ${process.arch}, ` +
      `Node ${process.version}; load average ${loadAverage()}`,
  )

  const figures: Figure[] = []
  const broken: string[] = []
  for (const section of SECTIONS.filter((s) => s.items.some((item) => only.has(item)))) {
    const sectionStarted = Date.now()
    console.log(`\n== ${section.name} (load average ${loadAverage()})`)
    try {
      for (const figure of await section.run()) {
        printFigure(figure)
        figures.push(figure)
      }
    } catch (error) {
      broken.push(section.name)
      console.error(`BENCHMARK BROKEN in ${section.name}: ${(error as Error).stack ?? error}`)
    }
    console.log(`   (${((Date.now() - sectionStarted) / 1000).toFixed(0)} s)`)
  }

  console.log(`\n== summary (${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
  for (const figure of figures) {
    console.log(`[${figure.id}] ${verdict(figure).padEnd(13)} ${figure.title}: ${figure.value}`)
  }
  console.log(`load average at the end: ${loadAverage()}`)
  if (broken.length > 0) console.log(`broken: ${broken.join(', ')}`)
  return broken.length > 0 ? 1 : 0
}

function selectedItems(): Set<string> {
  const list = optionValue('--only')
  return new Set(list ? list.split(',') : ['1', '2', '3', '4', '5', '6'])
}

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

process.exitCode = await bench()
