import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { bareNode, spawnToEof } from './spawn-to-eof.js'
import { kb, median, ms, ratio } from './stats.js'

/** What a script costs to start, over bare `node -e 0` measured in the same rounds. */
export interface LoadCost {
  what: string
  bytes?: number
  medianMs: number
  overBareMs: number
  ratio: number
}

/** Node built-in modules any action that calls an HTTPS API and starts a process loads. */
const BUILTINS = ['http', 'https', 'child_process', 'crypto', 'fs', 'os']

/** ncc's ES module bundles load built-ins through createRequire, not with `import`. */
const BUILTINS_AS_BUNDLED = [
  "import { createRequire } from 'node:module'",
  'const require = createRequire(import.meta.url)',
  ...BUILTINS.map((name) => `require('${name}')`),
].join('\n')

/**
 * Start-up costs that explain the step figures: the ESM loader, the built-in modules, and each
 * runtime dependency bundled alone by ncc (as dist/ bundles it). Interleaved with bare node.
 */
export async function measureLoadCosts(
  root: string,
  rounds: number,
  env: Record<string, string>,
): Promise<LoadCost[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'))
  try {
    const scripts: { what: string; file: string }[] = [
      { what: 'an empty ES module', file: write(dir, 'empty.mjs', '') },
      {
        what: `${BUILTINS.join(', ')} required as the bundles require them`,
        file: write(dir, 'builtins.mjs', BUILTINS_AS_BUNDLED),
      },
      ...dependencyBundles(root, dir),
    ]

    const bare: number[] = []
    const times = scripts.map(() => [] as number[])
    for (let round = 0; round < rounds; round++) {
      bare.push(await bareNode(env, dir))
      for (const [index, { file }] of scripts.entries()) {
        times[index]!.push((await spawnToEof([file], env, dir)).ms)
      }
    }

    const bareMs = median(bare)
    return [
      { what: 'node -e 0', medianMs: bareMs, overBareMs: 0, ratio: 1 },
      ...scripts.map(({ what, file }, index) => {
        const medianMs = median(times[index]!)
        const bytes = statSync(file).size
        return { what, bytes, medianMs, overBareMs: medianMs - bareMs, ratio: medianMs / bareMs }
      }),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function describeLoadCost(cost: LoadCost): string {
  const size = cost.bytes ? ` [${kb(cost.bytes)}]` : ''
  return (
    `${cost.what}${size}: ${ms(cost.medianMs)}, ` +
    `+${ms(cost.overBareMs)} over bare node, ${ratio(cost.ratio)}`
  )
}

/** Each runtime dependency alone, bundled by ncc as dist/ bundles it (a few seconds each). */
function dependencyBundles(root: string, dir: string): { what: string; file: string }[] {
  const dependencies = {
    yaml: "import { parse } from 'yaml'\nglobalThis.keep = parse",
    '@actions/core': "import * as core from '@actions/core'\nglobalThis.keep = core",
    '@actions/http-client':
      "import { HttpClient } from '@actions/http-client'\nglobalThis.keep = HttpClient",
  }
  const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js')

  return Object.entries(dependencies).map(([name, source]) => {
    // Absolute specifiers: the entry lives outside the repository, its imports resolve inside.
    const resolved = source.replace(`'${name}'`, `'${fileURLToPath(import.meta.resolve(name))}'`)
    const safe = name.replace(/\W/g, '_')
    const entry = write(dir, `${safe}.mjs`, resolved)
    const out = join(dir, `${safe}-bundle`)
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '-q'], { stdio: 'ignore' })
    const bundle = readdirSync(out).find((file) => /^index\.m?js$/.test(file))
    if (!bundle) throw new Error(`ncc built no bundle for ${name}`)
    return { what: `${name} alone, bundled by ncc`, file: join(out, bundle) }
  })
}

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
