import * as core from '@actions/core'

import { CALL_TIMEOUT_MS } from './api/call-policy.js'
import { RunnerService } from './api/runner-service.js'
import { watchCancellation } from './cancellation.js'
import { deleteRegistration } from './clean-up/delete-registration.js'
import { writeJobSummary } from './clean-up/job-summary.js'
import { reportKeeper } from './clean-up/keeper-report.js'
import { findCreatedRunners } from './create/find-created-runner.js'
import { readToken } from './inputs/api-endpoint.js'
import { readCleanup, readFailOnCleanupError, readTimeout } from './inputs/read-inputs.js'
import type { RenewalFigures } from './keep-alive/lapse.js'
import { stopKeeper } from './keep-alive/stop-keeper.js'
import { stopKeeperNow } from './keep-alive/stop-keeper-now.js'
import { loadState, type MainState } from './state.js'

/** Well inside the runner's cancellation budget (5 minutes), keeper stop included. */
const POST_TIMEOUT_CAP_MS = 120_000

/** The post step: stop the keeper, delete the registration, report. Runs after every outcome. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  const state = loadState()
  if (!state.name && !state.runnerId) {
    const why = state.dryRun ? 'it was a dry run' : 'the main step registered no runner'
    core.info(`Nothing to clean up: ${why}.`)
    return
  }

  // A cancelled post step must still stop the keeper, even if it gets no further.
  const keeper = state.keeper
  const cancellation = watchCancellation(() => keeper && stopKeeperNow(keeper))
  let renewals: RenewalFigures | undefined
  let outcome = 'left in place (`cleanup: false`)'
  try {
    if (keeper) {
      const stop = await stopKeeper(keeper)
      renewals = reportKeeper(keeper, stop, {
        runnerId: state.runnerId ?? '',
        postStartedAt: startedAt,
      })
    }

    if (!readCleanup()) {
      core.info(`Leaving runner ${describe(state)} in place (\`cleanup: false\`).`)
    } else {
      const deadline = startedAt + Math.min(readTimeout() * 1000, POST_TIMEOUT_CAP_MS)
      outcome = await cleanUp(state, deadline)
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    outcome = `failed: ${message}`
    if (failOnCleanupError()) core.setFailed(message)
    else core.warning(message)
  } finally {
    cancellation.dispose()
  }
  if (state.runnerId || outcome.startsWith('deleted')) {
    await writeJobSummary(state, renewals, outcome)
  }
}

/** Deletes what main created; returns the outcome in a few words, for the job summary. */
async function cleanUp(state: MainState, deadline: number): Promise<string> {
  const service = new RunnerService({
    baseUrl: state.apiUrl ?? '',
    token: readToken(),
    timeoutMs: CALL_TIMEOUT_MS,
    deadline,
  })

  const outcome = state.runnerId
    ? await deleteRunner(service, state.runnerId, state, deadline)
    : 'nothing was created'
  if (!state.runnerId && !state.createMayExist) {
    core.info('Nothing to clean up: every create attempt was refused, so no runner was made.')
  }
  if (state.runnerId ? !state.createUnanswered : !state.createMayExist) return outcome

  const found = await findUnconfirmedRunners(service, state, deadline)
  if (found.length === 0 && !state.runnerId) {
    core.info(`No runner named "${state.name}" exists: the create never took effect.`)
  } else if (state.nameGenerated || !state.runnerId) {
    for (const runnerId of found) await deleteRunner(service, runnerId, state, deadline)
    if (found.length > 0) return `deleted ${[state.runnerId, ...found].filter(Boolean).length}`
  } else if (found.length > 0) {
    // A name the user chose proves nothing: another job may use it too.
    core.warning(
      `Runner${found.length > 1 ? 's' : ''} ${found.join(', ')} named "${state.name}" ` +
        'appeared while a create of this job got no answer; one may be a duplicate it made. ' +
        'It was not deleted, since the name does not prove whose it is: check and delete it by hand.',
    )
  }
  return outcome
}

async function deleteRunner(
  service: RunnerService,
  runnerId: string,
  state: MainState,
  deadline: number,
): Promise<string> {
  const outcome = await deleteRegistration(service, runnerId, { deadline, log: core })
  core.info(
    outcome === 'deleted'
      ? `Deleted runner ${describe({ ...state, runnerId })}.`
      : `Runner ${runnerId} was already gone.`,
  )
  return outcome === 'deleted' ? 'deleted' : 'already gone'
}

/**
 * The main step sent a create that got no answer, or was cancelled before it learned the id: find
 * what it made by the name it saved first (every runner of a generated name; otherwise the one
 * runner of that name created since main began).
 */
async function findUnconfirmedRunners(
  service: RunnerService,
  state: MainState,
  deadline: number,
): Promise<string[]> {
  const what = state.runnerId ? 'other runners' : 'runners'
  core.info(
    `A create of the main step may have made a runner it never heard of; ` +
      `looking for ${what} named "${state.name}".`,
  )
  const runners = await findCreatedRunners(service, state.name ?? '', {
    nameGenerated: state.nameGenerated ?? false,
    startedAt: state.startedAt ?? 0,
    deadline,
    log: core,
  })
  const found = runners.map((runner) => runner.runnerId).filter((id) => id !== state.runnerId)
  core.info(found.length > 0 ? `Found ${found.join(', ')}.` : 'Found none.')
  return found
}

function describe(state: MainState): string {
  return state.name ? `"${state.name}" (${state.runnerId ?? 'id unknown'})` : `${state.runnerId}`
}

function failOnCleanupError(): boolean {
  try {
    return readFailOnCleanupError()
  } catch (error) {
    core.warning((error as Error).message)
    return false
  }
}
