import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { RunnerService } from './api/runner-service.js'
import { createRegistration } from './create/register.js'
import { setRegistrationOutputs } from './create/outputs.js'
import { readInputs, type Inputs } from './inputs/read-inputs.js'
import { firstRenewal } from './keep-alive/first-renewal.js'
import { startKeeper } from './keep-alive/start-keeper.js'
import { reportFailure } from './report-failure.js'
import { buildRunnerRequest } from './create/runner-request.js'
import { saveState } from './state.js'
import { REGISTRATION_LIFETIME_MS, scaled } from './time-scale.js'

/** Each API call's own limit; the whole step is bounded by the attempts below. */
const CALL_TIMEOUT_MS = 20_000
const CREATE_ATTEMPTS = 5
const STEP_DEADLINE_MS = 120_000

/** The main step: inputs -> spec -> create -> first renewal -> keeper. */
export async function run(): Promise<void> {
  try {
    const startedAt = Date.now()
    const inputs = readInputs()
    const { request, nameGenerated } = buildRunnerRequest(inputs)

    saveState('name', request.name)
    saveState('nameGenerated', nameGenerated)
    saveState('apiUrl', inputs.apiUrl)
    saveState('startedAt', startedAt)

    const service = new RunnerService({
      baseUrl: inputs.apiUrl,
      token: inputs.token,
      timeoutMs: CALL_TIMEOUT_MS,
    })
    const registration = await createRegistration(request, {
      service,
      nameGenerated,
      startedAt,
      deadline: startedAt + STEP_DEADLINE_MS,
      attempts: CREATE_ATTEMPTS,
      log: core,
    })
    const { runner } = registration
    setRegistrationOutputs(registration)
    core.info(`Registered runner "${runner.name}" (${runner.runnerId}).`)

    if (inputs.renewal === 'none') {
      core.info('Renewal is off (`renewal: none`): the runner this job starts keeps it alive.')
      return
    }
    const renewedAt = await firstRenewal(service, inputs.renewal, runner)
    keepAlive(inputs, runner, renewedAt)
  } catch (error) {
    reportFailure(error)
  }
}

function keepAlive(inputs: Inputs, runner: { runnerId: string; name?: string }, renewedAt: number) {
  const lifetimeMs = scaled(REGISTRATION_LIFETIME_MS)
  const keeper = startKeeper(
    {
      apiUrl: inputs.apiUrl,
      token: inputs.token,
      runnerId: runner.runnerId,
      runnerName: runner.name ?? '',
      renewal: inputs.renewal === 'update-runner' ? 'update-runner' : 'mark-active',
      intervalMs: scaled(inputs.renewIntervalSeconds * 1000),
      lifetimeMs,
      keepAliveTimeoutMs: scaled(inputs.keepAliveTimeoutMinutes * 60_000),
      instance: randomBytes(4).toString('hex'),
      lastRenewalAt: renewedAt,
    },
    {
      keeperScript: keeperBundle(),
      runnerTemp: process.env['RUNNER_TEMP'] || '',
    },
  )
  saveState('keeper', { ...keeper, lifetimeMs })
  core.info(
    `Keeping it alive: renewal every ${inputs.renewIntervalSeconds} s until the post step ` +
      `(at most ${inputs.keepAliveTimeoutMinutes} min).`,
  )
}

/**
 * dist/keeper/index.js, beside this bundle's folder. Built from parts so that ncc does not mistake
 * it for an asset of this bundle and rewrite it.
 */
function keeperBundle(): string {
  const parts = ['..', 'keeper', 'index.js']
  return join(dirname(fileURLToPath(import.meta.url)), ...parts)
}
