import { RunnerPhase } from './gen/gitpod/v1/runner_pb.js'

/** The calls that renew a registration. */
export type RenewalCall = 'MarkRunnerActive' | 'UpdateRunner'

export type TimelineEvent =
  | { type: 'created'; at: string; atMs: number }
  | { type: 'renewed'; at: string; atMs: number; via: RenewalCall; gapMs: number }
  | { type: 'lapsed'; at: string; atMs: number; lastRenewalAtMs: number }
  | { type: 'deleted'; at: string; atMs: number; force: boolean; forceSent: boolean }

/**
 * The life of one registration. Lapses are found lazily, whenever the registration is looked at,
 * and dated when they really happened (last renewal + lifetime), so no timers are needed.
 */
export interface Lifecycle {
  phase: RunnerPhase
  phaseSinceMs: number
  createdAtMs: number
  lastRenewalAtMs: number
  deletedAtMs?: number
  renewals: number
  longestGapMs: number
  lapses: number
  timeline: TimelineEvent[]
}

export function startLifecycle(nowMs: number): Lifecycle {
  return {
    phase: RunnerPhase.CREATED,
    phaseSinceMs: nowMs,
    createdAtMs: nowMs,
    lastRenewalAtMs: nowMs,
    renewals: 0,
    longestGapMs: 0,
    lapses: 0,
    timeline: [{ type: 'created', ...stamp(nowMs) }],
  }
}

/** Records the lapse if the registration went unrenewed for longer than its lifetime. */
export function settle(life: Lifecycle, nowMs: number, lifetimeMs: number): void {
  if (life.deletedAtMs !== undefined || life.phase === RunnerPhase.INACTIVE) return

  const lapsedAtMs = life.lastRenewalAtMs + lifetimeMs
  if (nowMs <= lapsedAtMs) return

  life.phase = RunnerPhase.INACTIVE
  life.phaseSinceMs = lapsedAtMs
  life.lapses += 1
  life.timeline.push({
    type: 'lapsed',
    ...stamp(lapsedAtMs),
    lastRenewalAtMs: life.lastRenewalAtMs,
  })
}

export function renew(life: Lifecycle, nowMs: number, lifetimeMs: number, via: RenewalCall): void {
  settle(life, nowMs, lifetimeMs)

  const gapMs = nowMs - life.lastRenewalAtMs
  life.timeline.push({ type: 'renewed', ...stamp(nowMs), via, gapMs })
  life.renewals += 1
  life.longestGapMs = Math.max(life.longestGapMs, gapMs)
  life.lastRenewalAtMs = nowMs

  if (life.phase !== RunnerPhase.ACTIVE) {
    life.phase = RunnerPhase.ACTIVE
    life.phaseSinceMs = nowMs
  }
}

export function end(
  life: Lifecycle,
  nowMs: number,
  lifetimeMs: number,
  force: { force: boolean; forceSent: boolean },
): void {
  settle(life, nowMs, lifetimeMs)

  life.deletedAtMs = nowMs
  life.timeline.push({ type: 'deleted', ...stamp(nowMs), ...force })
}

function stamp(ms: number): { at: string; atMs: number } {
  return { at: new Date(ms).toISOString(), atMs: ms }
}
