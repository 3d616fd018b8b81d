import { describe, expect, it } from '@jest/globals'

import { faultLabel } from '../../scripts/chaos/fault-catalogue.js'
import { planLifecycle, type PlanOptions } from '../../scripts/chaos/plan.js'

const OPTIONS: PlanOptions = { timeScale: 0.05, maxJobLifetimes: 3.5, unboundedHangShare: 0.1 }

describe('chaos plans', () => {
  it('are the same for the same seed and lifecycle, and differ between lifecycles', () => {
    expect(planLifecycle(123, 17, OPTIONS)).toEqual(planLifecycle(123, 17, OPTIONS))
    expect(planLifecycle(123, 17, OPTIONS)).not.toEqual(planLifecycle(123, 18, OPTIONS))
    expect(planLifecycle(123, 17, OPTIONS)).not.toEqual(planLifecycle(124, 17, OPTIONS))
  })

  it('give 200 lifecycles every fault the run is meant to cover', () => {
    const plans = Array.from({ length: 200 }, (_, index) => planLifecycle(7, index, OPTIONS))
    const labels = new Set(plans.flatMap((plan) => plan.faults.map((f) => faultLabel(f.fault))))
    const processFaults = new Set(
      plans.flatMap((plan) => [
        `main ${plan.main.kind}`,
        `post ${plan.post.kind}`,
        ...(plan.keeperKillMs === undefined ? [] : ['keeper kill']),
        ...(plan.outage ? ['outage'] : []),
      ]),
    )

    for (const code of ['unavailable', 'resource_exhausted', 'deadline_exceeded']) {
      expect(labels).toContain(`error ${code}`)
    }
    for (const hint of ['Retry-After', 'retry-after-ms', 'RateLimit-RetryAfter', 'RetryInfo']) {
      expect(labels).toContain(`error resource_exhausted + ${hint}`)
    }
    for (const kind of ['permission_denied', 'unauthenticated', 'invalid_argument']) {
      expect(labels).toContain(`error ${kind}`)
    }
    for (const kind of ['HTML 502', 'HTML 503', 'HTML 504', 'delay', 'drop-before', 'drop-after']) {
      expect(labels).toContain(kind)
    }
    expect(labels).toContain('hang')
    expect(labels).toContain('hang, then drop')
    expect([...processFaults].sort()).toEqual([
      'keeper kill',
      'main cancel',
      'main kill',
      'main kill-after-create',
      'main none',
      'outage',
      'post cancel',
      'post none',
      'post twice',
    ])
  })

  it('never fault more than two renewal calls in a row (longer trouble is an outage)', () => {
    for (let index = 0; index < 200; index++) {
      const plan = planLifecycle(7, index, OPTIONS)
      const renewals = plan.faults
        .filter((spec) => spec.method === plan.renewalCall)
        .map((spec) => spec.after!)
      const threeInARow = renewals.some((n) => renewals.includes(n + 1) && renewals.includes(n + 2))
      expect(threeInARow).toBe(false)
    }
  })
})
