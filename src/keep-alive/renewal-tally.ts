import type { KeeperStatus, StopReason } from './keeper-status.js'

export interface TallyStart {
  pid: number
  instance: string
  runnerId: string
  startedAt: number
  /** The main step's renewal: the first gap is counted from it. */
  lastRenewalAt: number
  lifetimeMs: number
}

/**
 * The keeper's running account of renewals, failures, gaps and lapses. Constant size: a keeper
 * may renew twenty thousand times, so nothing here grows with the count.
 */
export class RenewalTally {
  private readonly status: KeeperStatus
  private readonly lifetimeMs: number

  constructor(start: TallyStart) {
    this.lifetimeMs = start.lifetimeMs
    this.status = {
      pid: start.pid,
      instance: start.instance,
      runnerId: start.runnerId,
      startedAt: start.startedAt,
      updatedAt: start.startedAt,
      state: 'running',
      renewals: 0,
      failures: 0,
      lastSuccessAt: start.lastRenewalAt,
      longestGapMs: 0,
      lapses: 0,
      lapsed: false,
    }
  }

  get lastSuccessAt(): number {
    return this.status.lastSuccessAt
  }

  get stopped(): boolean {
    return this.status.state === 'stopped'
  }

  /** Records a renewal; `endedLapse` when the registration had gone a lifetime without one. */
  succeeded(now: number): { gapMs: number; endedLapse: boolean } {
    const gapMs = Math.max(0, now - this.status.lastSuccessAt)
    const endedLapse = this.status.lapsed || gapMs > this.lifetimeMs

    // A lapse that began and ended within one slow attempt is only seen here.
    if (!this.status.lapsed && endedLapse) this.status.lapses++

    this.status.renewals++
    this.status.lastSuccessAt = now
    this.status.longestGapMs = Math.max(this.status.longestGapMs, gapMs)
    this.status.lapsed = false
    delete this.status.lastError
    return { gapMs, endedLapse }
  }

  failed(error: string): void {
    this.status.failures++
    this.status.lastError = error
  }

  /** True at the moment a lapse begins, so that it is logged once. */
  checkLapse(now: number): boolean {
    if (this.status.lapsed || now - this.status.lastSuccessAt <= this.lifetimeMs) return false
    this.status.lapsed = true
    this.status.lapses++
    return true
  }

  stop(now: number, reason: StopReason, detail?: string): void {
    this.status.state = 'stopped'
    this.status.stopReason = reason
    this.status.stoppedAt = now
    if (detail) this.status.stopDetail = detail
  }

  snapshot(now: number): KeeperStatus {
    return { ...this.status, updatedAt: now }
  }
}
