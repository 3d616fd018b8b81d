import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { CALL_TIMEOUT_MS } from './api/call-policy.js'
import { RunnerService } from './api/runner-service.js'
import type { Runner } from './api/types.js'
import { watchCancellation } from './cancellation.js'
import { dryRun } from './create/dry-run.js'
import { setRegistrationOutputs } from './create/outputs.js'
import { createRegistration } from './create/register.js'
import { buildRunnerRequest } from './create/runner-request.js'
import { waitForPhase } from './create/wait-for-phase.js'
import { readInputs, type Inputs } from './inputs/read-inputs.js'
import { firstRenewal } from './keep-alive/first-renewal.js'
import { startKeeper } from './keep-alive/start-keeper.js'
import { reportFailure } from './report-failure.js'
import { saveState } from './state.js'
import { REGISTRATION_LIFETIME_MS, scaled } from './time-scale.js'

/** The main step: inputs -> spec -> create -> first renewal -> keeper. */
export async function run(): Promise<void> {
  const cancellation = watchCancellation()
  try {
    const startedAt = Date.now()
    const inputs = readInputs()
    const { request, nameGenerated } = buildRunnerRequest(inputs)

    const deadline = startedAt + inputs.timeoutSeconds * 1000
    const service = new RunnerService({
      baseUrl: inputs.apiUrl,
      token: inputs.token,
      timeoutMs: CALL_TIMEOUT_MS,
      deadline,
    })
    if (inputs.dryRun) {
      saveState('dryRun', true)
      return await dryRun(service, request, deadline)
    }

    saveState('name', request.name)
    saveState('nameGenerated', nameGenerated)
    saveState('apiUrl', inputs.apiUrl)
    saveState('startedAt', startedAt)
    const registration = await createRegistration(request, {
      service,
      nameGenerated,
      startedAt,
      deadline,
      cancellation,
      log: core,
    })
    const { runner } = registration
    setRegistrationOutputs(registration)
    const facts = {
      provider: runner.provider,
      kind: runner.kind,
      region: runner.status?.region,
      phase: runner.status?.phase,
      phaseSeen: 'at registration',
    }
    saveState('registration', facts)
    core.info(`Registered runner "${runner.name}" (${runner.runnerId}).`)

    if (cancellation.requested) {
      core.info('The run was cancelled: not keeping it alive; the post step deletes it.')
    } else if (inputs.renewal === 'none') {
      core.info('Renewal is off (`renewal: none`): the runner this job starts keeps it alive.')
    } else {
      const renewedAt = await firstRenewal(service, inputs.renewal, runner)
      keepAlive(inputs, runner, renewedAt)
    }

    if (inputs.waitForPhase && !cancellation.requested) {
      const timeoutMs = inputs.waitTimeoutSeconds * 1000
      // The wait has its own limit, `wait-timeout`, apart from the step's `timeout`.
      const waiting = new RunnerService({
        baseUrl: inputs.apiUrl,
        token: inputs.token,
        timeoutMs: CALL_TIMEOUT_MS,
      })
      const phase = await waitForPhase(waiting, runner.runnerId, inputs.waitForPhase, timeoutMs)
      core.setOutput('phase', phase)
      saveState('registration', { ...facts, phase, phaseSeen: 'after wait-for-phase' })
    }
  } catch (error) {
    reportFailure(error)
  } finally {
    cancellation.dispose()
  }
}

function keepAlive(inputs: Inputs, runner: Runner, renewedAt: number): void {
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
    { keeperScript: keeperBundle(), runnerTemp: process.env['RUNNER_TEMP'] || tmpdir() },
  )
  saveState('keeper', { ...keeper, lifetimeMs, firstRenewalAt: renewedAt })
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
