import * as core from '@actions/core'

import { RunnerService } from './api/runner-service.js'
import { deleteRegistration } from './clean-up/delete-registration.js'
import { reportKeeper } from './clean-up/keeper-report.js'
import { findCreatedRunner } from './create/find-created-runner.js'
import { readToken } from './inputs/api-endpoint.js'
import { parseBoolean } from './inputs/parse.js'
import { readCleanup } from './inputs/read-inputs.js'
import { stopKeeper } from './keep-alive/stop-keeper.js'
import { loadState, type MainState } from './state.js'

const CALL_TIMEOUT_MS = 15_000
/** Well inside the runner's cancellation budget (5 minutes), keeper stop included. */
const POST_DEADLINE_MS = 60_000

/** The post step: stop the keeper, delete the registration, report. Runs after every outcome. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  const state = loadState()
  if (!state.name && !state.runnerId) {
    core.info('Nothing to clean up: the main step registered no runner.')
    return
  }

  if (state.keeper) {
    const stop = await stopKeeper(state.keeper)
    reportKeeper(state.keeper, stop, startedAt)
  }

  try {
    if (!readCleanup()) {
      core.info(`Leaving runner ${describe(state)} in place (\`cleanup: false\`).`)
      return
    }
    await cleanUp(state, startedAt + POST_DEADLINE_MS)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (failOnCleanupError()) core.setFailed(message)
    else core.warning(message)
  }
}

async function cleanUp(state: MainState, deadline: number): Promise<void> {
  const service = new RunnerService({
    baseUrl: state.apiUrl ?? '',
    token: readToken(),
    timeoutMs: CALL_TIMEOUT_MS,
  })

  const runnerId = state.runnerId ?? (await findUnconfirmedRunner(service, state))
  if (!runnerId) {
    core.info(`No runner named "${state.name}" exists: the create never took effect.`)
    return
  }

  const outcome = await deleteRegistration(service, runnerId, { deadline, log: core })
  core.info(
    outcome === 'deleted'
      ? `Deleted runner ${describe({ ...state, runnerId })}.`
      : `Runner ${runnerId} was already gone.`,
  )
}

/**
 * The main step sent the create but never learned the runner's id (it was cancelled or lost the
 * answer): find the runner by the name it saved first.
 */
async function findUnconfirmedRunner(
  service: RunnerService,
  state: MainState,
): Promise<string | undefined> {
  core.info(`The main step never learned the runner's id; looking for "${state.name}".`)
  const runner = await findCreatedRunner(service, state.name ?? '', {
    nameGenerated: state.nameGenerated ?? false,
    startedAt: state.startedAt ?? 0,
  })
  return runner?.runnerId
}

function describe(state: MainState): string {
  return state.name ? `"${state.name}" (${state.runnerId ?? 'id unknown'})` : `${state.runnerId}`
}

function failOnCleanupError(): boolean {
  try {
    return parseBoolean('fail-on-cleanup-error', core.getInput('fail-on-cleanup-error'), false)
  } catch (error) {
    core.warning((error as Error).message)
    return false
  }
}
