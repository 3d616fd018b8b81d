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
  const rows: [string, string][] = [
    ['Name', state.name ?? ''],
    ['Runner id', state.runnerId ?? 'not known'],
    ['Provider', runner.provider ?? ''],
    ['Region', runner.region || '—'],
    ['Phase', runner.phase ?? ''],
    ['Renewals', renewals?.known ? `${renewals.renewals} (${renewals.failures} failed)` : '—'],
    ['Longest gap', renewals?.known ? `${(renewals.longestGapMs / 1000).toFixed(1)} s` : '—'],
    ['Lapsed', renewals?.known ? (renewals.lapsed ? 'yes' : 'no') : '—'],
    ['Clean-up', cleanup],
  ]

  try {
    await core.summary
      .addHeading(`Gitpod runner ${state.name ?? ''}`, 3)
      .addTable([
        [
          { data: 'Registration', header: true },
          { data: '', header: true },
        ],
        ...rows,
      ])
      .write()
  } catch (error) {
    core.debug(`No job summary: ${(error as Error).message}`)
  }
}
