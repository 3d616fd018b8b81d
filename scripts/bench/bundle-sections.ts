import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Splits an ncc (webpack) bundle into the modules it holds and names the package each came
 * from. ES modules are concatenated under `;// CONCATENATED MODULE: <path>` comments, which name
 * them; CommonJS modules sit under bare numeric ids (`/***\/ 218:`), so they are named by looking
 * their lines up in the production packages' own files.
 */
export interface Section {
  /** Path of the module (`./node_modules/yaml/...`, `./src/...`), or what it is. */
  module: string
  /** `yaml`, `@actions/core`, `src (this action)`, `node builtins`, `webpack runtime`, ... */
  owner: string
  bytes: number
}

const RUNTIME = 'webpack runtime'
const THIS_ACTION = 'src (this action)'
const BUILTINS = 'node builtins'

export function bundleSections(bundleFile: string, packageLines: PackageLines): Section[] {
  const sections: { module: string; lines: string[] }[] = []
  let current = { module: RUNTIME, lines: [] as string[] }
  sections.push(current)

  for (const line of readFileSync(bundleFile, 'utf8').split('\n')) {
    const cjs = /^\/\*\*\*\/ (\d+):/.exec(line)
    const concatenated = /^;\/\/ CONCATENATED MODULE: (.+)$/.exec(line)
    const runtime = line.startsWith('/******/')
    if (cjs || concatenated || (runtime && current.module !== RUNTIME)) {
      current = {
        module: cjs ? `module ${cjs[1]}` : concatenated ? concatenated[1]! : RUNTIME,
        lines: [],
      }
      sections.push(current)
    }
    current.lines.push(line)
  }

  return sections.map(({ module, lines }) => ({
    module,
    owner: ownerOf(module, lines, packageLines),
    bytes: Buffer.byteLength(lines.join('\n')) + 1,
  }))
}

function ownerOf(module: string, lines: string[], packageLines: PackageLines): string {
  if (module === RUNTIME) return RUNTIME
  if (module.startsWith('external ')) return BUILTINS
  if (module.startsWith('./src/')) return THIS_ACTION
  if (module.startsWith('./stubs/')) return `stub ${module.split('/')[2]}`
  const fromPath = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)
  if (fromPath) return fromPath[1]!

  if (lines.some((line) => line.includes('__WEBPACK_EXTERNAL_createRequire'))) return BUILTINS
  const votes = new Map<string, number>()
  for (const line of lines) {
    const owner = packageLines.get(line.trim())
    if (owner) votes.set(owner, (votes.get(owner) ?? 0) + 1)
  }
  const [best] = [...votes].sort((a, b) => b[1] - a[1])
  return best?.[0] ?? 'unattributed'
}

/** A distinctive line of source -> the one package that has it (ambiguous lines are dropped). */
export type PackageLines = Map<string, string>

/** Indexes the lines of every production package in package-lock.json (not dev ones). */
export function indexPackageLines(root: string): PackageLines {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; link?: boolean }>
  }
  const index: PackageLines = new Map()
  const ambiguous = new Set<string>()

  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev || entry.devOptional || entry.link) continue
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    for (const file of sourceFiles(join(root, path))) {
      for (const raw of readFileSync(file, 'utf8').split('\n')) {
        const line = raw.trim()
        // Short lines (`}`, `return;`) are everywhere; requires are rewritten by the bundler.
        if (line.length < 25 || line.includes('require(') || ambiguous.has(line)) continue
        const owner = index.get(line)
        if (owner === undefined) index.set(line, name)
        else if (owner !== name) {
          index.delete(line)
          ambiguous.add(line)
        }
      }
    }
  }
  return index
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}
