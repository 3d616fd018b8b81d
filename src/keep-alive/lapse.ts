import { seconds } from './keeper-log.js'
import type { KeeperStatus, StopReason } from './keeper-status.js'

/** What the post step reports about the renewals of one registration. */
export interface RenewalFigures {
  /** False when the keeper left no status: only the main step's renewal is known. */
  known: boolean
  /** All renewals: the main step's first one and the keeper's. */
  renewals: number
  failures: number
  /** The longest time without renewal, the one up to the post step included. */
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

export interface RenewalContext {
  runnerId: string
  lifetimeMs: number
  /** Epoch ms of the main step's own renewal, made before it started the keeper. */
  firstRenewalAt: number
  postStartedAt: number
}

const STOPS: Record<StopReason, string> = {
  'stopped-by-post': 'was stopped by the post step',
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
  context: RenewalContext,
): RenewalFigures {
  const lastSuccessAt = status?.lastSuccessAt ?? context.firstRenewalAt
  const openGapMs = Math.max(0, context.postStartedAt - lastSuccessAt)
  const longestGapMs = Math.max(status?.longestGapMs ?? 0, openGapMs)
  const lapsed = (status?.lapses ?? 0) > 0 || longestGapMs > context.lifetimeMs

  return {
    known: status !== undefined,
    renewals: (status?.renewals ?? 0) + 1,
    failures: status?.failures ?? 0,
    longestGapMs,
    openGapMs,
    lapses: status?.lapses ?? 0,
    lapsed,
    stopReason: status?.stopReason,
    summary: status ? summarize(status, longestGapMs) : NO_STATUS,
    lapseMessage: lapsed ? describeLapse(status, longestGapMs, context) : '',
  }
}

const NO_STATUS =
  "Renewals: only the main step's first is known; the keeper left no status file " +
  '(it failed to start, or was killed before its first renewal).'

function summarize(status: KeeperStatus, longestGapMs: number): string {
  const failures = count(status.failures, 'failed attempt')
  // A keeper that is stopped or killed from outside cannot say so; one that stops itself does.
  const stop = status.stopReason
    ? `the keeper ${STOPS[status.stopReason]}${status.stopDetail ? ` (${status.stopDetail})` : ''}`
    : 'the keeper ended without recording why'
  return (
    `Renewals: ${status.renewals + 1} (the main step's first and ${status.renewals} by the ` +
    `keeper), ` +
    `${failures}, longest gap ${seconds(longestGapMs)}; ${stop}.`
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
function lapseCause(status: KeeperStatus | undefined): string {
  if (!status) return 'The keeper left no status: it failed to start or was killed; see its log.'
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

function describeLapse(
  status: KeeperStatus | undefined,
  worstGapMs: number,
  context: RenewalContext,
): string {
  return (
    `The registration of runner ${context.runnerId} lapsed: it went ${seconds(worstGapMs)} ` +
    `without renewal, longer than its ${seconds(context.lifetimeMs)} lifetime. ` +
    lapseCause(status)
  )
}
