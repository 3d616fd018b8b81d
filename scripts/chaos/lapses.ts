import type { RecordedRequest } from '../../emulator/server.js'
import { isFinalFault } from './fault-catalogue.js'
import { describeCalls, describeKeeper, since } from './describe.js'
import { finding, renewalCalls, type Finding } from './finding.js'
import type { LifecycleRecord } from './lifecycle.js'
import type { Verdict } from './verdict.js'

/** Sorts every lapse of the lifecycle's registrations: counted, main's, or explained. */
export function judgeLapses(
  record: LifecycleRecord,
  verdict: Pick<Verdict, 'lapses' | 'mainLapses' | 'expectedLapses'>,
): void {
  for (const registration of record.registrations) {
    for (const event of registration.timeline) {
      if (event.type !== 'lapsed') continue
      const reason = lapseExcuse(record, registration.runnerId, event.lastRenewalAtMs, event.atMs)
      const found = () => lapseFinding(record, registration.runnerId, event)
      if (reason === DURING_MAIN) {
        // Faults met in main stretch its own retry waits, which the time scale leaves alone.
        const mainFaulted = record.requests.some((c) => c.fault && c.atMs <= record.mainEnd)
        ;(mainFaulted ? verdict.mainLapses : verdict.lapses).push(found())
      } else if (reason) {
        verdict.expectedLapses.push(reason)
      } else {
        verdict.lapses.push(found())
      }
    }
  }
}

/** A lapse before the keeper took over, while main was still between create and first renewal. */
export const DURING_MAIN = 'during the main step'

/**
 * Why a lapse was to be expected; DURING_MAIN when main had not handed over to the keeper yet;
 * undefined when the action should have prevented it.
 */
export function lapseExcuse(
  record: LifecycleRecord,
  runnerId: string,
  lastRenewalAt: number,
  lapsedAt: number,
): string | undefined {
  if (lapsedAt >= record.postStart) return 'after the post step began'
  const keeper = record.keepers.find((k) => k.status?.runnerId === runnerId)?.status
  const faultsLasted = faultsLastedUntil(record, runnerId, lastRenewalAt, lapsedAt)

  if (!keeper || lapsedAt < keeper.startedAt) {
    if (!keeper && lapsedAt >= record.mainEnd) return 'main ended without starting a keeper'
    return faultsLasted ? 'faults on the first renewal lasted until the lapse' : DURING_MAIN
  }
  if (record.keeperKilledAt !== undefined && record.keeperKilledAt < lapsedAt) {
    return 'keeper killed'
  }
  if (keeper.stoppedAt !== undefined && keeper.stoppedAt < lapsedAt) {
    return stoppedByFinalFault(record, runnerId, keeper.stoppedAt)
      ? 'keeper stopped by an injected final answer'
      : undefined
  }
  if (faultsLasted) return 'faults on renewals lasted until the lapse'

  // A renewal whose answer was lost (drop-after) renewed on the server, but the keeper counted a
  // failure: if faults then lasted a whole lifetime as the keeper saw it, it had lapsed for the
  // keeper, which then waits as the server asks.
  const seen = lastSeenRenewal(record, runnerId, lastRenewalAt)
  const lifetime = record.plan.lifetimeMs
  if (seen !== undefined && seen < lastRenewalAt) {
    if (faultsLastedUntil(record, runnerId, seen, seen + lifetime)) {
      return 'faults lasted a lifetime as the keeper saw it'
    }
  }
  return undefined
}

/** The last renewal at or before `at` whose success reached the caller. */
function lastSeenRenewal(record: LifecycleRecord, runnerId: string, at: number) {
  const seen = renewalCalls(record, runnerId).filter(
    (call) => call.atMs <= at && call.outcome === 'answered' && call.httpStatus === 200,
  )
  return seen[seen.length - 1]?.atMs
}

/**
 * Whether injected faults kept renewals failing until the lapse, give or take a quarter interval,
 * or across it (the calls just before and just after it both failed): then no keeper could have
 * renewed. A fault that ended earlier left the keeper time to retry.
 */
function faultsLastedUntil(
  record: LifecycleRecord,
  runnerId: string,
  from: number,
  lapsedAt: number,
): boolean {
  const calls = renewalCalls(record, runnerId)
  const before = calls.filter((call) => call.atMs >= from && call.atMs <= lapsedAt)
  const after = calls.find((call) => call.atMs > lapsedAt)
  const last = before[before.length - 1]
  if (last?.fault && after?.fault) return true

  const lastEnd = Math.max(...before.filter((call) => call.fault).map(callEnd), -Infinity)
  return lastEnd >= lapsedAt - record.plan.intervalMs / 4
}

function stoppedByFinalFault(record: LifecycleRecord, runnerId: string, at: number): boolean {
  return renewalCalls(record, runnerId).some(
    (call) => call.atMs <= at && call.fault && isFinalFault(call.fault),
  )
}

function lapseFinding(
  record: LifecycleRecord,
  runnerId: string,
  event: { atMs: number; lastRenewalAtMs: number },
): Finding {
  const at = (ms: number) => since(ms, record.mainStart)
  const calls = renewalCalls(record, runnerId).filter(
    (call) => call.atMs >= event.lastRenewalAtMs - record.plan.intervalMs,
  )
  const keeper = record.keepers.find((k) => k.status?.runnerId === runnerId)
  const { plan } = record
  const result = finding(
    record,
    `runner ${runnerId} lapsed at ${at(event.atMs)} (last renewal ${at(event.lastRenewalAtMs)})`,
  )
  result.detail.push(
    `lifetime ${plan.lifetimeMs} ms, interval ${plan.intervalMs} ms; main ended ` +
      `${at(record.mainEnd)}, post began ${at(record.postStart)}`,
    'renewal calls around it:',
    ...describeCalls(calls.slice(0, 12), record.mainStart),
    ...describeKeeper(keeper, record.mainStart),
  )
  return result
}

/** When the caller stopped waiting: the answer, the drop, or still open when the run ended. */
function callEnd(call: RecordedRequest): number {
  return call.atMs + (call.durationMs ?? Infinity)
}
