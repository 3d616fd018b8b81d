import type { RecordedRequest } from '../../emulator/server.js'
import { describeCalls, describePlan } from './describe.js'
import type { LifecycleRecord } from './lifecycle.js'

/** Something chaos found, with what a reader needs to follow it up. */
export interface Finding {
  what: string
  detail: string[]
}

/** The calls that renew a registration. */
export const RENEWALS = new Set(['MarkRunnerActive', 'UpdateRunner'])

/** A finding with the plan and the faulted calls, which is what explains most of them. */
export function finding(record: LifecycleRecord, what: string): Finding {
  const faulted = record.requests.filter((call) => call.fault)
  return {
    what,
    detail: [
      `plan: ${describePlan(record.plan)}`,
      'faulted calls:',
      ...describeCalls(faulted.slice(0, 20), record.mainStart),
    ],
  }
}

export function renewalCalls(record: LifecycleRecord, runnerId: string): RecordedRequest[] {
  return record.requests.filter(
    (call) => RENEWALS.has(call.method) && bodyRunnerId(call) === runnerId,
  )
}

export function bodyRunnerId(call: RecordedRequest): string | undefined {
  const body = call.body as { runnerId?: unknown } | undefined
  return call.runnerId ?? (typeof body?.runnerId === 'string' ? body.runnerId : undefined)
}
