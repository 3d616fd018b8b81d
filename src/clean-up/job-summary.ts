import * as core from '@actions/core'

import type { RenewalFigures } from '../keep-alive/lapse.js'
import type { MainState } from '../state.js'

/**
 * One table per registration in the job summary. Each use of the action writes its own, from its
 * own post step, so a matrix or a job with two uses shows them all.
 */
export async function writeJobSummary(
  state: MainState,
  renewals: RenewalFigures | undefined,
  cleanup: string,
): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const runner = state.registration ?? {}
  const gap = renewals ? `${(renewals.longestGapMs / 1000).toFixed(1)} s` : '—'
  const rows: [string, string][] = [
    ['Runner id', state.runnerId ?? 'not known'],
    ['Provider', runner.provider ?? '—'],
    ['Kind', runner.kind ?? '—'],
    ['Region', runner.region || '—'],
    ['Phase', runner.phase ? `${runner.phase} (${runner.phaseSeen ?? 'at registration'})` : '—'],
    ['Renewals', renewals ? describeRenewals(renewals) : 'none (renewal: none)'],
    ['Longest gap without renewal', gap],
    ['Lapsed', renewals ? (renewals.lapsed ? 'yes' : 'no') : '—'],
    ['Clean-up', cleanup],
  ]

  try {
    await core.summary
      .addHeading(`Gitpod runner ${state.name ?? ''}`, 3)
      .addTable([
        [
          { data: 'Name', header: true },
          { data: state.name ?? '', header: true },
        ],
        ...rows,
      ])
      .write()
  } catch (error) {
    core.debug(`No job summary: ${(error as Error).message}`)
  }
}

function describeRenewals(renewals: RenewalFigures): string {
  if (!renewals.known) return '1 (by the main step; the keeper left no status)'
  return `${renewals.renewals} (${renewals.failures} failed attempts)`
}
