import type { Fault, FaultSpec } from '../../emulator/server.js'

/** A small seeded generator (mulberry32), so that a run's faults can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Transient faults on `share` of the next `calls` MarkRunnerActive calls, chosen at random: the
 * kinds a keeper meets in a long job (an outage, a rate limit with Retry-After, a proxy's error
 * page, a dropped connection). `retryAfterMs` is the server's asked wait, already scaled.
 */
export function renewalFaults(
  calls: number,
  share: number,
  random: () => number,
  retryAfterMs: number,
): FaultSpec[] {
  const kinds: Fault[] = [
    { kind: 'error', code: 'unavailable' },
    { kind: 'error', code: 'resource_exhausted', retryAfterMs },
    { kind: 'html', status: 502 },
    { kind: 'drop-before' },
  ]
  const faults: FaultSpec[] = []
  for (let call = 0; call < calls; call++) {
    if (random() >= share) continue
    // Every pending fault counts the calls it lets through, so `after` is the call's index.
    const fault = kinds[Math.floor(random() * kinds.length)]!
    faults.push({ method: 'MarkRunnerActive', after: call, times: 1, fault })
  }
  return faults
}
