import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

import { parseFileCommands } from '../../harness/file-commands.js'
import { encodedForms } from '../../harness/masking.js'
import type { StepResult } from '../../harness/types.js'

const OUTPUT_FILE = 'GITHUB_OUTPUT'
const OTHER_STEP_FILES = 'STATE+ENV+SUMMARY'

/** Where a secret turned up: the place searched and the secret's name (never its value). */
export interface Leak {
  secret: string
  where: string
}

/** One row of the table of what was searched. */
export interface SweptSource {
  source: string
  files: number
  bytes: number
}

/** A row of the table for the files `takes` accepts. */
export interface FileGroup {
  label: string
  takes: (path: string) => boolean
}

/** Outputs that may hold a secret on purpose: output name -> the name of the one secret. */
export type AllowedOutputs = Record<string, string>

/**
 * Searches every byte an action left behind for secrets, in every form the runner's masker knows
 * (plain, base64 at the three byte offsets, URL-encoded). Only `::add-mask::` lines of the step
 * output are passed over, since that is how masking works, and GITHUB_OUTPUT is parsed so that
 * the outputs listed in `allowed` may hold their own secret (and no other).
 */
export class SecretsSweep {
  private readonly leaks: Leak[] = []
  private readonly sources = new Map<string, SweptSource>()
  private readonly forms: { name: string; value: string; forms: string[] }[]
  private readonly stepFiles = new Map<string, string>()

  constructor(
    secrets: Record<string, string | undefined>,
    private readonly allowed: AllowedOutputs = {},
  ) {
    this.forms = Object.entries(secrets)
      .filter((entry): entry is [string, string] => Boolean(entry[1]))
      .map(([name, value]) => ({ name, value, forms: encodedForms(value) }))
  }

  /** The step's raw stdout and stderr; its GITHUB_* files are searched by `tree()`. */
  step(result: StepResult): void {
    for (const [stream, text] of [
      ['stdout', result.stdout],
      ['stderr', result.stderr],
    ]) {
      const searched = text
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('::add-mask::'))
        .join('\n')
      this.search('stdout+stderr', `${result.phase} ${stream}`, searched)
    }

    this.stepFiles.set(result.files.output, OUTPUT_FILE)
    for (const file of [result.files.state, result.files.env, result.files.summary]) {
      this.stepFiles.set(file, OTHER_STEP_FILES)
    }
  }

  /** A live process's command line and environment (Linux /proc). */
  process(pid: number, source = 'keeper /proc'): void {
    for (const part of ['cmdline', 'environ']) {
      const text = readFileSync(`/proc/${pid}/${part}`, 'latin1')
      this.search(source, `/proc/${pid}/${part}`, text)
    }
  }

  /**
   * Every file under `root`: a step's GITHUB_OUTPUT is parsed, so that its allowed outputs can
   * be told apart; every other file is searched whole. Each file counts in the row of the first
   * group that takes it (every group gets a row, so an empty folder shows as 0 files); `skip`
   * leaves out files the test itself wrote.
   */
  tree(root: string, groups: FileGroup[], skip: string[] = []): void {
    for (const { label } of groups) this.count(label, '', 0)

    for (const path of filesUnder(root)) {
      if (skip.includes(path)) continue
      const text = readFileSync(path, 'latin1')
      const where = relative(root, path)

      const stepFile = this.stepFiles.get(path)
      if (stepFile === OUTPUT_FILE) this.outputs(where, text)
      else this.search(stepFile ?? labelOf(path, groups), where, text)
    }
  }

  found(): Leak[] {
    return [...this.leaks]
  }

  table(): SweptSource[] {
    return [...this.sources.values()]
  }

  private outputs(where: string, text: string): void {
    this.count(OUTPUT_FILE, text)
    for (const [name, value] of Object.entries(parseFileCommands(text))) {
      // An allowed output may hold exactly its own secret, and no other.
      const own = this.forms.find((secret) => secret.name === this.allowed[name])
      const mine = own !== undefined && value === own.value
      this.match(`${where}: output ${name}`, `${name}\n${value}`, mine ? own.name : undefined)
    }
  }

  private search(source: string, where: string, text: string): void {
    this.count(source, text)
    this.match(where, text)
  }

  private count(source: string, text: string, files = 1): void {
    const row = this.sources.get(source) ?? { source, files: 0, bytes: 0 }
    row.files += files
    row.bytes += Buffer.byteLength(text, 'latin1')
    this.sources.set(source, row)
  }

  private match(where: string, text: string, except?: string): void {
    for (const { name, forms } of this.forms) {
      if (name === except) continue
      if (forms.some((form) => text.includes(form))) this.leaks.push({ secret: name, where })
    }
  }
}

function labelOf(path: string, groups: FileGroup[]): string {
  return groups.find((group) => group.takes(path))?.label ?? 'other files'
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(path)
    // Sockets, pipes and links hold no bytes of their own.
    return entry.isFile() ? [path] : []
  })
}

/**
 * What several sweeps searched, one row per scenario and one column per kind of source, each
 * cell `files/bytes`; a source a scenario never had shows as `-`.
 */
export function sweepTable(sweeps: [string, SweptSource[]][]): string {
  const columns = [...new Set(sweeps.flatMap(([, sources]) => sources.map((s) => s.source)))]
  const cell = (sources: SweptSource[], column: string) => {
    const found = sources.find((s) => s.source === column)
    return found ? `${found.files}/${found.bytes}` : '-'
  }
  const rows = sweeps.map(([scenario, sources]) => [
    scenario,
    ...columns.map((column) => cell(sources, column)),
  ])

  const header = ['scenario (cells: files/bytes)', ...columns]
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells.map((text, i) => (i > 0 ? text.padStart(widths[i]) : text.padEnd(widths[i]))).join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}
