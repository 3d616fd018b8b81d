import type { ChaosResult } from './run.js'
import { DEFAULTS } from './run.js'
import type { Finding, Verdict } from './verdict.js'

/** The run's figures; those in MUST_BE_ZERO fail the run. */
export interface Figures {
  lifecycles: number
  orphaned: number
  duplicates: number
  lapses: number
  leaks: number
  problems: number
  /** Left because the API refused every delete: the post step warned, as documented. */
  refusedOrphans: number
  cancelledTooEarly: number
  extraRemoved: number
  mainLapses: number
  expectedLapses: number
  mainFailed: number
  mainFailedUnexplained: number
}

export const MUST_BE_ZERO = ['orphaned', 'duplicates', 'lapses', 'leaks', 'problems'] as const

export function figuresOf(verdicts: Verdict[]): Figures {
  const sum = (count: (verdict: Verdict) => number) =>
    verdicts.reduce((total, verdict) => total + count(verdict), 0)
  return {
    lifecycles: verdicts.length,
    orphaned: sum((v) => v.orphans.length),
    duplicates: sum((v) => v.duplicates.length),
    lapses: sum((v) => v.lapses.length),
    leaks: sum((v) => v.leaks.length),
    problems: sum((v) => v.problems.length),
    refusedOrphans: sum((v) => v.refusedOrphans.length),
    cancelledTooEarly: sum((v) => v.cancelledTooEarly.length),
    extraRemoved: sum((v) => v.extraRemoved),
    mainLapses: sum((v) => v.mainLapses.length),
    expectedLapses: sum((v) => v.expectedLapses.length),
    mainFailed: sum((v) => Number(v.mainFailed)),
    mainFailedUnexplained: sum((v) => Number(v.mainFailureUnexplained !== undefined)),
  }
}

export function failedFigures(figures: Figures): string[] {
  return MUST_BE_ZERO.filter((name) => figures[name] !== 0)
}

/** The whole report: header, figures, breakdown by fault type, then every finding. */
export function formatReport(result: ChaosResult, bundles: string): string {
  const { options, verdicts } = result
  const figures = figuresOf(verdicts)
  const lifetime = 30 * options.timeScale
  const lines = [
    `Chaos run: seed ${options.seed}, ${figures.lifecycles} lifecycles, ` +
      `${options.concurrency} at a time, time scale ${options.timeScale} (lifetime ` +
      `${lifetime.toFixed(2)} s), ${(result.durationMs / 1000).toFixed(0)} s; bundles ${bundles}`,
    '',
    ...formatFigures(figures, verdicts),
    '',
    'By fault type (a lifecycle counts under every fault it got):',
    ...formatBreakdown(verdicts),
  ]

  const sections: [string, (v: Verdict) => Finding[]][] = [
    ['Orphaned registrations', (v) => v.orphans],
    ['Duplicate registrations left', (v) => v.duplicates],
    ['Lapses the faults do not explain', (v) => v.lapses],
    ['Lapses in a main step that met faults (its waits are not time-scaled)', (v) => v.mainLapses],
    [
      'Secrets leaked',
      (v) => v.leaks.map((l) => ({ what: `${l.secret} in ${l.where}`, detail: [] })),
    ],
    ['Other problems', (v) => v.problems],
    ['Left by a post step that SIGINT killed before it had a handler', (v) => v.cancelledTooEarly],
    [
      'Main failed with retries to spare (robustness, not counted)',
      (v) => (v.mainFailureUnexplained ? [v.mainFailureUnexplained] : []),
    ],
  ]
  for (const [title, findingsOf] of sections) {
    const found = verdicts.flatMap((v) => findingsOf(v).map((f) => [v, f] as const))
    if (found.length === 0) continue
    lines.push('', `== ${title}: ${found.length}`)
    for (const [verdict, item] of found) {
      lines.push(`- lifecycle ${verdict.index}: ${item.what}`)
      lines.push(`  replay: ${replayCommand(options, verdict.index)}`)
      lines.push(...item.detail.map((line) => `  ${line}`))
    }
  }
  return lines.join('\n')
}

function formatFigures(figures: Figures, verdicts: Verdict[]): string[] {
  const reasons = new Map<string, number>()
  for (const reason of verdicts.flatMap((v) => v.expectedLapses)) {
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  }
  const expected = [...reasons].map(([reason, n]) => `${n} ${reason}`).join('; ') || 'none'
  const row = (label: string, value: number, note: string) =>
    `  ${label.padEnd(44)} ${String(value).padStart(5)}  ${note}`
  const must = (name: (typeof MUST_BE_ZERO)[number]) =>
    figures[name] === 0 ? 'must be 0: ok' : 'must be 0: FAILED'

  return [
    row('lifecycles run', figures.lifecycles, ''),
    row('registrations orphaned (cleanup on)', figures.orphaned, must('orphaned')),
    row('duplicate registrations left', figures.duplicates, must('duplicates')),
    row('lapses while faults stayed short', figures.lapses, must('lapses')),
    row('secrets leaked', figures.leaks, must('leaks')),
    row('other problems (hangs, crashes, stray keepers)', figures.problems, must('problems')),
    row('left because the API refused the delete', figures.refusedOrphans, 'expected: warned'),
    row(
      'runners/keepers left by a post SIGINT killed',
      figures.cancelledTooEarly,
      'listed: no handler yet',
    ),
    row('extra registrations created, then removed', figures.extraRemoved, 'info'),
    row('lapses the faults explain', figures.expectedLapses, `expected: ${expected}`),
    row('lapses in a main step that met faults', figures.mainLapses, 'listed below, not counted'),
    row('main steps failed (unplanned)', figures.mainFailed, 'info'),
    row('  of which with retries to spare', figures.mainFailedUnexplained, 'listed below'),
  ]
}

function formatBreakdown(verdicts: Verdict[]): string[] {
  const rows = new Map<string, number[]>()
  for (const verdict of verdicts) {
    for (const label of verdict.faults) {
      const row = rows.get(label) ?? [0, 0, 0, 0, 0, 0, 0]
      row[0]! += 1
      row[1]! += verdict.faultedCalls[label] ?? 0
      row[2]! += Number(verdict.mainFailed)
      row[3]! += verdict.orphans.length
      row[4]! += verdict.duplicates.length
      row[5]! += verdict.lapses.length
      row[6]! += verdict.expectedLapses.length
      rows.set(label, row)
    }
  }
  const header = [
    'lifecycles',
    'calls',
    'main failed',
    'orphans',
    'duplicates',
    'lapses',
    'expected',
  ]
  const cell = (value: string | number, width: number) => String(value).padStart(width)
  return [
    `  ${'fault'.padEnd(48)}${header.map((h) => cell(h, h.length + 2)).join('')}`,
    ...[...rows]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([label, row]) =>
          `  ${label.padEnd(48)}${row.map((n, i) => cell(n, header[i]!.length + 2)).join('')}`,
      ),
  ]
}

/** The command that replays one lifecycle exactly as this run planned it. */
export function replayCommand(options: ChaosResult['options'], index: number): string {
  const args = [`--seed ${options.seed}`, `--only ${index}`]
  if (options.timeScale !== DEFAULTS.timeScale) args.push(`--scale ${options.timeScale}`)
  if (options.maxJobLifetimes !== DEFAULTS.maxJobLifetimes) {
    args.push(`--max-job-lifetimes ${options.maxJobLifetimes}`)
  }
  if (options.unboundedHangShare !== DEFAULTS.unboundedHangShare) {
    args.push(`--unbounded-hangs ${options.unboundedHangShare}`)
  }
  return `npm run chaos -- ${args.join(' ')}`
}
