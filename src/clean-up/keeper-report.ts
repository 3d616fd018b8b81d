import * as core from '@actions/core'
import { readFileSync } from 'node:fs'

import type { StopResult } from '../keep-alive/stop-keeper.js'
import { assessRenewals, type RenewalFigures } from '../keep-alive/lapse.js'
import type { KeeperHandle } from '../state.js'

/**
 * What the keeper did, in the few lines a user reads: renewals made and failed, the longest gap,
 * and a warning annotation when the registration lapsed. Its whole log goes in a collapsed group.
 */
export function reportKeeper(
  keeper: KeeperHandle,
  stop: StopResult,
  context: { runnerId: string; postStartedAt: number },
): RenewalFigures {
  const figures = assessRenewals(stop.status, {
    ...context,
    lifetimeMs: keeper.lifetimeMs,
    firstRenewalAt: keeper.firstRenewalAt,
  })
  core.info(figures.summary)
  if (figures.lapsed) core.warning(figures.lapseMessage)
  else if (figures.stopReason === 'final-error' || figures.stopReason === 'crashed') {
    // Not (yet) a lapse, but renewals stopped: the runner will lapse unless something else renews.
    core.warning(`The keeper stopped renewing before the post step: ${figures.summary}`)
  }

  const log = readLog(keeper.logFile)
  if (log) {
    core.startGroup('Keeper log')
    core.info(log)
    core.endGroup()
  }
  return figures
}

/** Only the end of a long log: the start of a six-hour job is rarely what explains a failure. */
function readLog(file: string, maxBytes = 64 * 1024): string {
  try {
    const text = readFileSync(file, 'utf8')
    return text.length > maxBytes ? `…\n${text.slice(-maxBytes)}` : text.trimEnd()
  } catch {
    return ''
  }
}
