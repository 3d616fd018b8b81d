import type { RecordedRequest } from '../../emulator/server.js'
import { faultLabel } from './fault-catalogue.js'
import type { KeeperTrace, LifecycleRecord, StepSummary } from './lifecycle.js'
import type { LifecyclePlan } from './plan.js'

/** Seconds since the main step began, as every finding gives times. */
export function since(ms: number, start: number): string {
  return `+${((ms - start) / 1000).toFixed(3)} s`
}

/** The plan in one line: what was asked of the action and what was done to it. */
export function describePlan(plan: LifecyclePlan): string {
  const parts = [
    `renewal ${plan.inputs['renewal']} every ${plan.intervalMs} ms`,
    `lifetime ${plan.lifetimeMs} ms`,
    `job ${plan.jobMs} ms`,
    plan.inputs['name'] ? `name "${plan.inputs['name']}"` : 'generated name',
    plan.cleanup ? 'cleanup' : 'cleanup: false',
    `${plan.otherRunners} other runners`,
  ]
  if (plan.main.kind !== 'none') parts.push(`main ${describeProcessFault(plan.main)}`)
  if (plan.keeperKillMs !== undefined) parts.push(`keeper SIGKILL at +${plan.keeperKillMs} ms`)
  if (plan.outage) {
    const { afterMainMs, spec } = plan.outage
    parts.push(`outage ${faultLabel(spec.fault)} for ${spec.forMs} ms from +${afterMainMs} ms`)
  }
  if (plan.post.kind !== 'none') parts.push(`post ${describeProcessFault(plan.post)}`)
  return parts.join(', ')
}

function describeProcessFault(fault: { kind: string; afterMs?: number }): string {
  return fault.afterMs === undefined ? fault.kind : `${fault.kind} at ${fault.afterMs} ms`
}

/** One line per call: when, what, how it ended, and the fault it got. */
export function describeCalls(calls: RecordedRequest[], start: number): string[] {
  return calls.map((call) => {
    const ended =
      call.outcome === 'answered'
        ? `${call.httpStatus}${call.code ? ` ${call.code}` : ''}`
        : call.outcome
    const took = call.durationMs === undefined ? 'still open' : `${call.durationMs} ms`
    const fault = call.fault ? ` [${faultLabel(call.fault)}${faultValues(call)}]` : ''
    return `  ${since(call.atMs, start)} ${call.method} -> ${ended} in ${took}${fault}`
  })
}

function faultValues({ fault }: RecordedRequest): string {
  if (!fault) return ''
  const values = Object.entries(fault).filter(([key]) => !['kind', 'code', 'message'].includes(key))
  return values.length === 0 ? '' : ` ${values.map(([k, v]) => `${k}=${v}`).join(' ')}`
}

/** The keeper's own account: its status and the end of its log. */
export function describeKeeper(trace: KeeperTrace | undefined, start: number): string[] {
  if (!trace?.status) return ['keeper: none started (or it left no status)']
  const { status } = trace
  const stopped =
    status.stoppedAt === undefined
      ? 'still running at the end'
      : `stopped ${since(status.stoppedAt, start)}: ${status.stopReason} ${status.stopDetail ?? ''}`
  return [
    `keeper: started ${since(status.startedAt, start)}, ${status.renewals} renewals, ` +
      `${status.failures} failures, ${stopped}`.trimEnd(),
    ...trace.log
      .trimEnd()
      .split('\n')
      .slice(-8)
      .map((line) => `  | ${line}`),
  ]
}

/** The whole story of one lifecycle, for `--verbose` and for replays. */
export function describeLifecycle(record: LifecycleRecord): string[] {
  const start = record.mainStart
  const lines = [`lifecycle ${record.plan.index}: ${describePlan(record.plan)}`]
  if (record.crash) return [...lines, `  chaos run failed: ${record.crash}`]

  lines.push(...describeStep('main', record.main, start))
  if (record.outageArmedAt !== undefined) {
    lines.push(`  outage armed ${since(record.outageArmedAt, start)}`)
  }
  if (record.keeperKilledAt !== undefined) {
    lines.push(`  keeper killed ${since(record.keeperKilledAt, start)}`)
  }
  record.posts.forEach((post, n) => lines.push(...describeStep(`post ${n + 1}`, post, start)))
  lines.push('  calls:', ...describeCalls(record.requests, start).map((line) => `  ${line}`))
  for (const registration of record.registrations) {
    const events = registration.timeline
      .filter((event) => event.type !== 'renewed')
      .map((event) => `${event.type} ${since(event.atMs, start)}`)
    lines.push(
      `  registration ${registration.runnerId}: ${registration.renewals} renewals, ` +
        `${events.join(', ')}`,
    )
  }
  for (const keeper of record.keepers) {
    lines.push(...describeKeeper(keeper, start).map((line) => `  ${line}`))
  }
  return lines
}

function describeStep(name: string, step: StepSummary, start: number): string[] {
  const how = step.signal ? `signal ${step.signal}` : `exit ${step.exitCode}`
  const flags = [step.cancelled && 'cancelled', step.timedOut && 'timed out'].filter(Boolean)
  return [
    `  ${name} ${since(step.startedAt, start)} to ${since(step.endedAt, start)}: ${how}` +
      (flags.length > 0 ? ` (${flags.join(', ')})` : ''),
    ...step.log
      .trimEnd()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => `    | ${line}`),
  ]
}
