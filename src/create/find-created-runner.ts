import { ActionError } from '../action-error.js'
import { callPolicy } from '../api/call-policy.js'
import { withRetries, type RetryLog } from '../api/retry.js'
import type { RunnerService } from '../api/runner-service.js'
import type { Runner } from '../api/types.js'

/** Server and runner clocks may disagree a little about when this step began. */
const CLOCK_SKEW_MS = 5_000

export interface LookupContext {
  /** Whether this step generated the name: then every runner of that name is its own. */
  nameGenerated: boolean
  startedAt: number
  deadline: number
  log: RetryLog
}

/**
 * After a CreateRunner that got no answer: the runners it made, oldest first, when they are
 * provably this step's. A generated name carries a random suffix, so every runner with it is ours.
 * A name the user chose is ours only when exactly one runner of that name was created since this
 * step began; with more, the step fails and lists them, and none is touched.
 */
export async function findCreatedRunners(
  service: RunnerService,
  name: string,
  context: LookupContext,
): Promise<Runner[]> {
  const all = await withRetries('ListRunners', callPolicy(context.deadline, context.log), () =>
    service.listRunners(),
  )
  const named = all.filter((runner) => runner.name === name).sort(byCreation)
  if (context.nameGenerated) return named

  const candidates = named.filter((r) => createdSince(r, context.startedAt - CLOCK_SKEW_MS))
  if (candidates.length <= 1) return candidates

  const list = candidates.map((runner) => `${runner.runnerId} (created ${runner.createdAt})`)
  throw new ActionError(
    `CreateRunner got no answer, and ${candidates.length} runners named "${name}" were created ` +
      `since this step began: ${list.join(', ')}. It cannot tell which is its own, so it deletes ` +
      'none; remove the extra ones by hand, and leave the `name` input empty so that the ' +
      'action generates a unique name.',
  )
}

function createdSince(runner: Runner, since: number): boolean {
  const created = runner.createdAt ? Date.parse(runner.createdAt) : NaN
  return Number.isNaN(created) || created >= since
}

function byCreation(a: Runner, b: Runner): number {
  return (a.createdAt ?? '').localeCompare(b.createdAt ?? '')
}
