import { seconds } from './keeper-log.js'
import type { KeeperStatus, StopReason } from './keeper-status.js'

/** What the post step reports about the keeper's renewals. */
export interface RenewalFigures {
  /** False when the keeper left no status: then nothing below is known. */
  known: boolean
  renewals: number
  failures: number
  longestGapMs: number
  /** From the last renewal to the start of the post step: nothing renewed in between. */
  openGapMs: number
  /** Times the keeper saw the registration go a whole lifetime without renewal. */
  lapses: number
  lapsed: boolean
  stopReason?: StopReason
  /** One line for the post step's log. */
  summary: string
  /** The warning when `lapsed`, naming the gap; empty otherwise. */
  lapseMessage: string
}

const STOPS: Record<StopReason, string> = {
  'stopped-by-post': 'stopped by the post step',
  'final-error': 'stopped early',
  'keep-alive-timeout': 'stopped at keep-alive-timeout',
  lapsed: 'stopped after the registration lapsed',
  crashed: 'crashed',
}

/**
 * Whether the registration lapsed while the job ran: a gap between renewals, or the time from the
 * last renewal to the post step, longer than the registration's lifetime.
 */
export function assessRenewals(
  status: KeeperStatus | undefined,
  lifetimeMs: number,
  postStartedAt: number,
): RenewalFigures {
  if (!status) {
    return {
      known: false,
      renewals: 0,
      failures: 0,
      longestGapMs: 0,
      openGapMs: 0,
      lapses: 0,
      lapsed: false,
      summary: 'The keeper left no status file, so its renewals are unknown.',
      lapseMessage: '',
    }
  }

  const openGapMs = Math.max(0, postStartedAt - status.lastSuccessAt)
  const worstGapMs = Math.max(status.longestGapMs, openGapMs)
  const lapsed = status.lapses > 0 || worstGapMs > lifetimeMs

  return {
    known: true,
    renewals: status.renewals,
    failures: status.failures,
    longestGapMs: status.longestGapMs,
    openGapMs,
    lapses: status.lapses,
    lapsed,
    stopReason: status.stopReason,
    summary: summarize(status),
    lapseMessage: lapsed ? describeLapse(status, worstGapMs, lifetimeMs) : '',
  }
}

function summarize(status: KeeperStatus): string {
  const renewals = count(status.renewals, 'renewal')
  const failures = count(status.failures, 'failed attempt')
  // A keeper that is stopped or killed from outside cannot say so; one that stops itself does.
  const stop = status.stopReason
    ? `${STOPS[status.stopReason]}${status.stopDetail ? ` (${status.stopDetail})` : ''}`
    : 'ended without recording why'
  return (
    `Keeper: ${renewals}, ${failures}, longest gap ` + `${seconds(status.longestGapMs)}; ${stop}.`
  )
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

const SLOW_RENEWALS =
  'The runner may have been marked inactive meanwhile; see the keeper log, and consider a ' +
  'shorter `renew-interval`.'

/**
 * The advice depends on why renewals stopped: only gaps while the keeper kept at it call for a
 * shorter interval; a keeper that stopped early or died needs a different fix.
 */
function lapseCause(status: KeeperStatus): string {
  switch (status.stopReason) {
    case 'final-error':
      return (
        'The keeper had stopped early, on an answer that no retry could change ' +
        `(${status.stopDetail ?? 'see its log'}): the runner is gone, or was marked inactive.`
      )
    case 'keep-alive-timeout':
      return 'The keeper had stopped at `keep-alive-timeout`; raise it for jobs that run longer.'
    case 'crashed':
      return `The keeper had crashed (${status.stopDetail ?? 'see its log'}).`
    case undefined:
      return 'The keeper had ended without recording why: it was killed, or it crashed.'
    default:
      return SLOW_RENEWALS
  }
}

function describeLapse(status: KeeperStatus, worstGapMs: number, lifetimeMs: number): string {
  return (
    `The registration of runner ${status.runnerId} lapsed: it went ${seconds(worstGapMs)} ` +
    `without renewal, longer than its ${seconds(lifetimeMs)} lifetime. ${lapseCause(status)}`
  )
}
