import type { Fault } from '../../emulator/server.js'
import type { Random } from './random.js'

/** Codes a client may retry: the server says "not now". */
export const TRANSIENT_CODES = ['unavailable', 'resource_exhausted', 'deadline_exceeded'] as const

/** Codes no retry can change, for any call; renewals may also meet not_found (runner gone). */
const FINAL_CODES = ['permission_denied', 'unauthenticated', 'invalid_argument', 'internal']

export function isFinalFault(fault: Fault): boolean {
  return fault.kind === 'error' && !(TRANSIENT_CODES as readonly string[]).includes(fault.code)
}

export interface FaultChoice {
  /** Where the call is made: bounds the durations that make sense there. */
  phase: 'step' | 'keeper'
  /** The renewal interval (scaled): keeper delays are measured against it. */
  intervalMs: number
  /** Whether a step's call may hang until the client's own timeout (tens of seconds). */
  unboundedHang: boolean
  /** Renewals may be told the runner is gone. */
  renewal: boolean
}

/** One fault for one call, of every kind the brief names, weighted towards the transient. */
export function randomFault(random: Random, choice: FaultChoice): Fault {
  const kind = random.weighted([
    ['transient', 44],
    ['final', 6],
    ['html', 12],
    ['delay', 12],
    ['drop-before', 9],
    ['drop-after', 9],
    ['hang', 8],
  ] as const)

  switch (kind) {
    case 'transient':
      return transientError(random)
    case 'final': {
      const codes = choice.renewal ? [...FINAL_CODES, 'not_found'] : FINAL_CODES
      return { kind: 'error', code: random.pick(codes), message: 'injected final fault' }
    }
    case 'html':
      return { kind: 'html', status: random.pick([502, 503, 504]) }
    case 'delay':
      return { kind: 'delay', ms: delayMs(random, choice) }
    case 'drop-before':
      return { kind: 'drop-before' }
    case 'drop-after':
      return { kind: 'drop-after' }
    case 'hang':
      // The keeper cuts every attempt at an interval; a step waits up to its call timeout.
      if (choice.phase === 'keeper' || choice.unboundedHang) return { kind: 'hang' }
      return { kind: 'hang', ms: random.int(200, 2000) }
  }
}

/** A transient error, with each of the retry hints the API and the proxies in front of it send. */
export function transientError(random: Random): Fault {
  const code = random.weighted([
    ['unavailable', 35],
    ['resource_exhausted', 45],
    ['deadline_exceeded', 20],
  ] as const)
  if (code === 'deadline_exceeded') return { kind: 'error', code }

  // Values are in real time: some are longer than a scaled lifetime, which the keeper must cap.
  switch (random.pick(['none', 'retry-after', 'retry-after-ms', 'ratelimit', 'retry-info'])) {
    case 'retry-after':
      return { kind: 'error', code, retryAfter: String(random.int(0, 2)) }
    case 'retry-after-ms':
      return { kind: 'error', code, retryAfterMs: random.int(0, 600) }
    case 'ratelimit':
      return { kind: 'error', code, rateLimitRetryAfter: random.int(0, 2) }
    case 'retry-info':
      return { kind: 'error', code, retryInfoDelay: `${random.int(1, 20) / 10}s` }
    default:
      return { kind: 'error', code }
  }
}

function delayMs(random: Random, choice: FaultChoice): number {
  // Some keeper delays outlast the attempt timeout (one interval): the keeper gives up on them.
  if (choice.phase === 'keeper') return Math.round(choice.intervalMs * random.between(0.1, 1.5))
  return random.int(50, 1500)
}

/** A short name for the breakdown: the kind, the code and which retry hint, never the values. */
export function faultLabel(fault: Fault): string {
  switch (fault.kind) {
    case 'error':
      return `error ${fault.code}${hintLabel(fault)}`
    case 'html':
      return `HTML ${fault.status}`
    case 'hang':
      return fault.ms === undefined ? 'hang' : 'hang, then drop'
    default:
      return fault.kind
  }
}

function hintLabel(fault: Extract<Fault, { kind: 'error' }>): string {
  if (fault.retryAfter !== undefined) return ' + Retry-After'
  if (fault.retryAfterMs !== undefined) return ' + retry-after-ms'
  if (fault.rateLimitRetryAfter !== undefined) return ' + RateLimit-RetryAfter'
  if (fault.retryInfoDelay !== undefined) return ' + RetryInfo'
  return ''
}
