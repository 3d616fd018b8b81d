import { ActionError } from '../action-error.js'
import type { RunnerService } from '../api/runner-service.js'
import type { Runner } from '../api/types.js'

/** Server and runner clocks may disagree a little about when this step began. */
const CLOCK_SKEW_MS = 5_000

/**
 * After a CreateRunner that got no answer: the runner it made, if any, when it is provably this
 * step's. A generated name carries a random suffix, so any runner with it is ours. A name the user
 * chose is ours only when exactly one runner of that name was created since this step began;
 * with more, the step fails and lists them, and none is touched.
 */
export async function findCreatedRunner(
  service: RunnerService,
  name: string,
  context: { nameGenerated: boolean; startedAt: number },
): Promise<Runner | undefined> {
  const named = (await service.listRunners()).filter((runner) => runner.name === name)
  const candidates = context.nameGenerated
    ? named
    : named.filter((runner) => createdSince(runner, context.startedAt - CLOCK_SKEW_MS))

  if (candidates.length <= 1 || context.nameGenerated) return candidates[0]

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
