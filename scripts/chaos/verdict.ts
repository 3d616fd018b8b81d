import type { Fault } from '../../emulator/server.js'
import { faultLabel, isFinalFault } from './fault-catalogue.js'
import { bodyRunnerId, finding, RENEWALS, type Finding } from './finding.js'
import { judgeLapses } from './lapses.js'
import type { Leak, LifecycleRecord } from './lifecycle.js'

export type { Finding } from './finding.js'

/** What one lifecycle did wrong, and what went wrong on purpose. */
export interface Verdict {
  index: number
  /** Every fault the lifecycle got, once per label (call faults, outage, process faults). */
  faults: string[]
  /** Calls hit, per fault label. */
  faultedCalls: Record<string, number>
  orphans: Finding[]
  /** Left because the API refused every delete (a final answer, or the whole retry budget). */
  refusedOrphans: Finding[]
  /**
   * Left (or a keeper left running) by a post step that the cancel killed before it had its
   * SIGINT handler: listed apart, since no step can act before its code runs.
   */
  cancelledTooEarly: Finding[]
  duplicates: Finding[]
  /** Registrations created beyond the first and deleted again by the action. */
  extraRemoved: number
  lapses: Finding[]
  /**
   * Lapses between the create and the first renewal, in a main step that met faults: its retry
   * waits are real time while the lifetime is scaled, so these are listed, not counted.
   */
  mainLapses: Finding[]
  /** Lapses that the faults explain, by reason. */
  expectedLapses: string[]
  leaks: Leak[]
  /** Other things that must never happen: hung pipes, crashes, keepers outliving the post. */
  problems: Finding[]
  mainFailed: boolean
  /** A main failure no injected fault explains (it had retries left), for the robustness list. */
  mainFailureUnexplained?: Finding
}

/** Attempts the steps give one call before they give up (api/call-policy.ts). */
const RETRY_BUDGET = 5

export function judge(record: LifecycleRecord): Verdict {
  const verdict: Verdict = {
    index: record.plan.index,
    faults: [],
    faultedCalls: {},
    orphans: [],
    refusedOrphans: [],
    cancelledTooEarly: [],
    duplicates: [],
    extraRemoved: 0,
    lapses: [],
    mainLapses: [],
    expectedLapses: [],
    leaks: record.leaks,
    problems: [],
    mainFailed: false,
  }
  if (record.crash) {
    verdict.problems.push({ what: 'the chaos run itself failed', detail: [record.crash] })
    return verdict
  }

  labelFaults(record, verdict)
  judgeRegistrations(record, verdict)
  judgeLapses(record, verdict)
  judgeSteps(record, verdict)
  return verdict
}

function labelFaults(record: LifecycleRecord, verdict: Verdict): void {
  const labels = new Set<string>()
  for (const call of record.requests) {
    if (!call.fault) continue
    const label = callFaultLabel(record, call.fault)
    labels.add(label)
    verdict.faultedCalls[label] = (verdict.faultedCalls[label] ?? 0) + 1
  }

  const { plan } = record
  if (record.outageArmedAt !== undefined) {
    const longer = plan.outage!.spec.forMs >= plan.lifetimeMs ? 'longer' : 'shorter'
    labels.add(`outage ${longer} than the lifetime`)
  }
  if (record.keeperKilledAt !== undefined) labels.add('keeper SIGKILL')
  if (record.main.cancelled) labels.add('main cancelled (SIGINT)')
  if (plan.main.kind === 'kill-after-create' && record.main.signal === 'SIGKILL') {
    labels.add('main SIGKILL after the create')
  }
  if (record.main.timedOut) labels.add('main SIGKILL mid-step')
  if (plan.post.kind === 'twice') labels.add('post run twice')
  if (record.posts.some((post) => post.cancelled)) labels.add('post cancelled (SIGINT)')
  verdict.faults = [...labels]
}

function callFaultLabel(record: LifecycleRecord, fault: Fault): string {
  const outage = record.plan.outage?.spec.fault
  return fault === outage ? `outage: ${faultLabel(fault)}` : faultLabel(fault)
}

/** Orphans (ours, left with cleanup on) apart from duplicates (extra ones, left). */
function judgeRegistrations(record: LifecycleRecord, verdict: Verdict): void {
  const { registrations, state, plan } = record
  const own =
    registrations.find((r) => r.runnerId === state['runner-id']) ??
    registrations.find((r) => r.name === state['name'])

  for (const registration of registrations) {
    const { runnerId } = registration
    if (registration !== own) {
      if (registration.deleted) verdict.extraRemoved++
      else verdict.duplicates.push(finding(record, `duplicate runner ${runnerId} left`))
      continue
    }
    if (registration.deleted || !plan.cleanup) continue

    const refusal = deleteRefusal(record, runnerId)
    const orphan = finding(record, `runner ${runnerId} left after the post step`)
    if (refusal) {
      orphan.detail.unshift(`the API refused: ${refusal}`)
      verdict.refusedOrphans.push(orphan)
    } else if (diedOfCancel(record)) {
      verdict.cancelledTooEarly.push(orphan)
    } else {
      verdict.orphans.push(orphan)
    }
  }
}

/**
 * Why the post step could not delete: the faults on its last delete (or, if it never got to one,
 * on its lookup) were final, or took its whole retry budget. Undefined when it had a fair chance.
 */
function deleteRefusal(record: LifecycleRecord, runnerId: string): string | undefined {
  const postCalls = record.requests.filter((call) => call.atMs >= record.postStart)
  const deletes = postCalls.filter(
    (call) => call.method === 'DeleteRunner' && bodyRunnerId(call) === runnerId,
  )
  const calls = deletes.length > 0 ? deletes : postCalls.filter((c) => c.method === 'ListRunners')
  const last = calls[calls.length - 1]
  if (!last?.fault) return undefined

  if (isFinalFault(last.fault)) return `${last.method} got ${faultLabel(last.fault)}`
  const faulted = calls.filter((call) => call.fault).length
  if (faulted === calls.length && faulted >= RETRY_BUDGET) {
    return `all ${faulted} ${last.method} attempts got faults`
  }
  return undefined
}

function judgeSteps(record: LifecycleRecord, verdict: Verdict): void {
  const { main, posts, plan, state } = record
  const steps = [
    ['main', main],
    ...posts.map((post, n) => [`post ${n + 1}`, post] as const),
  ] as const

  for (const [name, step] of steps) {
    if (step.hungPipes) verdict.problems.push(finding(record, `${name}: output pipes stayed open`))
    const unexpected = step.errors.filter((e) => e.startsWith('Unexpected failure'))
    if (unexpected.length > 0) {
      verdict.problems.push(finding(record, `${name}: ${unexpected.join('; ')}`))
    }
    if (step.timedOut && !(name === 'main' && plan.main.kind === 'kill')) {
      verdict.problems.push(finding(record, `${name}: still running after its timeout`))
    }
  }
  for (const [n, post] of posts.entries()) {
    if (post.failed && !post.cancelled) {
      const why = post.errors.join('; ') || `exit ${post.exitCode}`
      verdict.problems.push(finding(record, `post ${n + 1} failed: ${why}`))
    }
  }
  if (state['keeper'] && record.strayProcesses > 0) {
    const stray = finding(record, 'the keeper outlived the post step that knew of it')
    ;(diedOfCancel(record) ? verdict.cancelledTooEarly : verdict.problems).push(stray)
  }

  const planned = plan.main.kind !== 'none'
  verdict.mainFailed = main.failed && !planned
  if (verdict.mainFailed && !mainFailureExplained(record)) {
    const why = main.errors.join('; ') || `exit ${main.exitCode}`
    verdict.mainFailureUnexplained = finding(record, `main failed: ${why}`)
  }
}

/** A final fault, or a method that got faults on every attempt of its retry budget. */
function mainFailureExplained(record: LifecycleRecord): boolean {
  const mainCalls = record.requests.filter((call) => call.atMs <= record.mainEnd)
  if (mainCalls.some((call) => call.fault && isFinalFault(call.fault))) return true

  const faultedPerMethod = new Map<string, number>()
  for (const call of mainCalls.filter((c) => c.fault)) {
    faultedPerMethod.set(call.method, (faultedPerMethod.get(call.method) ?? 0) + 1)
  }
  const firstRenewalBudget = 4
  return [...faultedPerMethod].some(
    ([method, count]) => count >= (RENEWALS.has(method) ? firstRenewalBudget : RETRY_BUDGET),
  )
}

/**
 * A post step killed by the cancel's SIGINT itself: it had not installed its handler yet (it was
 * still loading), so it could do nothing at all. Once installed, the handler keeps it alive.
 */
function diedOfCancel(record: LifecycleRecord): boolean {
  return record.posts.some((post) => post.cancelled && post.signal === 'SIGINT')
}
