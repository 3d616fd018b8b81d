import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

/** What the runner takes from action.yml for a node action. */
export interface ActionManifest {
  dir: string
  /** Declared inputs with their `default:` as text (absent when there is none). */
  inputs: { name: string; default?: string }[]
  /** Absolute paths of `runs.main` and `runs.post`. */
  main: string
  post?: string
}

export function loadActionManifest(actionDir: string): ActionManifest {
  const dir = resolve(actionDir)
  const path = join(dir, 'action.yml')
  const document = parse(readFileSync(path, 'utf8')) as unknown

  const runs = field(document, 'runs')
  const main = field(runs, 'main')
  const post = field(runs, 'post')
  if (typeof main !== 'string') throw new Error(`${path}: runs.main is missing`)

  const declared = field(document, 'inputs') ?? {}
  const inputs = Object.entries(declared as Record<string, unknown>).map(([name, spec]) => {
    const value = field(spec, 'default')
    return value === undefined || value === null ? { name } : { name, default: String(value) }
  })

  return {
    dir,
    inputs,
    main: join(dir, main),
    post: typeof post === 'string' ? join(dir, post) : undefined,
  }
}

/** The runner's name for an input's variable: spaces become `_`, hyphens stay (`INPUT_API-URL`). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * INPUT_* for every declared input: the given value, else the declared default, else '' (as the
 * runner does). A name the action does not declare is a typo in the test, so it throws.
 */
export function buildInputsEnv(
  manifest: ActionManifest,
  given: Record<string, string>,
): Record<string, string> {
  const declared = new Set(manifest.inputs.map((input) => input.name))
  const unknown = Object.keys(given).filter((name) => !declared.has(name))
  if (unknown.length > 0) {
    const names = [...declared].join(', ')
    throw new Error(`unknown input(s) ${unknown.join(', ')}; action.yml declares: ${names}`)
  }

  const env: Record<string, string> = {}
  for (const input of manifest.inputs) {
    const value = given[input.name] ?? input.default ?? ''
    // The runner would evaluate `${{ ... }}` in a default; the harness cannot, so say so loudly.
    if (!(input.name in given) && value.includes('${{')) {
      throw new Error(`input ${input.name} defaults to an expression (${value}); pass a value`)
    }
    env[inputVariable(input.name)] = value
  }
  return env
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined
}
