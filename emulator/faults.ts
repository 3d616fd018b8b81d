import { fromJson } from '@bufbuild/protobuf'
import { DurationSchema } from '@bufbuild/protobuf/wkt'

import { HTTP_STATUS_OF_CODE } from './connect-error.js'

export const FAULT_METHODS = [
  'CreateRunner',
  'GetRunner',
  'ListRunners',
  'UpdateRunner',
  'DeleteRunner',
  'CreateRunnerToken',
  'MarkRunnerActive',
  'GetAuthenticatedIdentity',
] as const

export type FaultMethod = (typeof FAULT_METHODS)[number] | '*'

export type Fault =
  | {
      kind: 'error'
      /** A Connect code name, e.g. `unavailable`. */
      code: string
      message?: string
      /** Default: the Connect mapping of `code`. */
      httpStatus?: number
      /** Sent as the Retry-After header (seconds or an HTTP date). */
      retryAfter?: string
      /** Sent as the retry-after-ms header. */
      retryAfterMs?: number
      /** Sent as the RateLimit-RetryAfter header (whole seconds). */
      rateLimitRetryAfter?: number
      /** Adds a google.rpc.RetryInfo detail with this delay, e.g. `2s`. */
      retryInfoDelay?: string
    }
  /** An HTML page, as a proxy or load balancer in front of the API sends it. */
  | { kind: 'html'; status: number }
  /** Waits, then handles the call normally. */
  | { kind: 'delay'; ms: number }
  /** Closes the connection without acting on the call. */
  | { kind: 'drop-before' }
  /** Acts on the call, then closes the connection without a response. */
  | { kind: 'drop-after' }
  /**
   * Never answers. Without `ms` the connection stays open until the client gives up or the
   * emulator closes; with it, the connection is closed unanswered after `ms` without acting on the
   * call, as a load balancer's idle timeout does.
   */
  | { kind: 'hang'; ms?: number }

export interface FaultSpec {
  method: FaultMethod
  /** How many matching calls get the fault; default 1. Not with `forMs`. */
  times?: number
  /** Let this many matching calls through first. */
  after?: number
  /**
   * An outage instead of a count: from the first call it takes, the fault takes every matching
   * call for this many milliseconds, then it is gone.
   */
  forMs?: number
  fault: Fault
}

interface PendingFault {
  spec: FaultSpec
  skipsLeft: number
  timesLeft: number
  /** When an outage (`forMs`) that has begun ends, epoch ms. */
  endsAtMs?: number
}

/**
 * Faults waiting for calls, applied in the order they were added. Every pending fault counts the
 * calls it lets through (`after`); the first one with nothing left to skip takes the call.
 */
export class FaultQueue {
  private pending: PendingFault[] = []

  add(specs: FaultSpec | FaultSpec[]): void {
    const list = Array.isArray(specs) ? specs : [specs]
    list.forEach(checkFaultSpec)

    for (const spec of list) {
      this.pending.push({ spec, skipsLeft: spec.after ?? 0, timesLeft: spec.times ?? 1 })
    }
  }

  /** The fault for this call, if any; consumes one use of it. */
  take(method: string, nowMs = Date.now()): Fault | undefined {
    // An outage that is over is gone, whatever it matched.
    this.pending = this.pending.filter(({ endsAtMs }) => endsAtMs === undefined || endsAtMs > nowMs)

    let chosen: PendingFault | undefined
    for (const entry of this.pending) {
      if (entry.spec.method !== '*' && entry.spec.method !== method) continue

      if (entry.skipsLeft > 0) entry.skipsLeft -= 1
      else chosen ??= entry
    }
    if (!chosen) return undefined

    if (chosen.spec.forMs !== undefined) {
      chosen.endsAtMs ??= nowMs + chosen.spec.forMs
      return chosen.spec.fault
    }
    chosen.timesLeft -= 1
    if (chosen.timesLeft === 0) this.pending = this.pending.filter((entry) => entry !== chosen)
    return chosen.spec.fault
  }

  /** The faults still waiting, with the uses and skips they have left. */
  list(): FaultSpec[] {
    return this.pending.map(({ spec, skipsLeft, timesLeft }) =>
      spec.forMs === undefined
        ? { ...spec, times: timesLeft, after: skipsLeft }
        : { ...spec, after: skipsLeft },
    )
  }

  clear(): void {
    this.pending = []
  }
}

/** Rejects a malformed spec up front, so a typo in a test fails there and not as a silent no-op. */
export function checkFaultSpec(spec: FaultSpec): void {
  const where = `fault for ${JSON.stringify(spec?.method)}`
  if (spec?.method !== '*' && !FAULT_METHODS.includes(spec?.method)) {
    throw new Error(`${where}: method must be one of ${FAULT_METHODS.join(', ')} or *`)
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1)) {
    throw new Error(`${where}: times must be a whole number of at least 1`)
  }
  if (spec.after !== undefined && !(Number.isInteger(spec.after) && spec.after >= 0)) {
    throw new Error(`${where}: after must be a whole number of at least 0`)
  }
  if (spec.forMs !== undefined && !(spec.forMs > 0 && spec.times === undefined)) {
    throw new Error(`${where}: forMs must be above 0, and cannot go with times`)
  }
  checkFault(spec.fault, where)
}

function checkFault(fault: Fault, where: string): void {
  switch (fault?.kind) {
    case 'error':
      if (!(fault.code in HTTP_STATUS_OF_CODE)) {
        throw new Error(`${where}: unknown Connect code ${JSON.stringify(fault.code)}`)
      }
      if (fault.retryInfoDelay !== undefined && !isDuration(fault.retryInfoDelay)) {
        throw new Error(`${where}: retryInfoDelay must be a duration such as "2s"`)
      }
      return
    case 'html':
      if (!Number.isInteger(fault.status)) throw new Error(`${where}: html needs a status`)
      return
    case 'delay':
      if (!(fault.ms >= 0)) throw new Error(`${where}: delay needs ms >= 0`)
      return
    case 'hang':
      if (fault.ms !== undefined && !(fault.ms >= 0)) throw new Error(`${where}: hang ms >= 0`)
      return
    case 'drop-before':
    case 'drop-after':
      return
    default:
      throw new Error(`${where}: unknown fault kind ${JSON.stringify((fault as Fault)?.kind)}`)
  }
}

function isDuration(text: string): boolean {
  try {
    fromJson(DurationSchema, text)
    return true
  } catch {
    return false
  }
}
