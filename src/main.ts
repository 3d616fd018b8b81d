import * as core from '@actions/core'

import { CALL_TIMEOUT_MS } from './api/call-policy.js'
import { RunnerService } from './api/runner-service.js'
import type { Runner } from './api/types.js'
import { watchCancellation } from './cancellation.js'
import { dryRun } from './create/dry-run.js'
import { setRunnerOutputs, setTokenOutputs } from './create/outputs.js'
import { createRegistration, settleUnansweredCreate } from './create/register.js'
import { buildRunnerRequest } from './create/runner-request.js'
import { waitForPhase } from './create/wait-for-phase.js'
import { readInputs, type Inputs } from './inputs/read-inputs.js'
import { keepAlive } from './keep-alive/keep-alive.js'
import { reportFailure } from './report-failure.js'
import { saveState, type MainState } from './state.js'

/** The main step: inputs -> spec -> create -> keep alive (first renewal, keeper) -> outputs. */
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
    const context = { service, nameGenerated, startedAt, deadline, cancellation, log: core }
    const registration = await createRegistration(request, context)
    const { runner } = registration
    setRunnerOutputs(runner)
    // An adopted runner's exchange token was in the lost answer: a new one comes further down.
    if (!registration.adopted) setTokenOutputs(registration)
    const facts = describeRunner(runner)
    saveState('registration', facts)
    core.info(`Registered runner "${runner.name}" (${runner.runnerId}).`)

    if (cancellation.requested) {
      core.info('The run was cancelled: not keeping it alive; the post step deletes it.')
      return
    }
    await keepAlive(inputs, runner)
    if (registration.unanswered) await settleUnansweredCreate(registration, context)
    if (registration.adopted) setTokenOutputs(registration)

    if (inputs.waitForPhase && !cancellation.requested) {
      const phase = await waitFor(inputs, runner.runnerId, inputs.waitForPhase)
      saveState('registration', { ...facts, phase, phaseSeen: 'after wait-for-phase' })
    }
  } catch (error) {
    reportFailure(error)
  } finally {
    cancellation.dispose()
  }
}

function describeRunner(runner: Runner): NonNullable<MainState['registration']> {
  return {
    provider: runner.provider,
    kind: runner.kind,
    region: runner.status?.region,
    phase: runner.status?.phase,
    phaseSeen: 'at registration',
  }
}

/** The wait has its own limit, `wait-timeout`, apart from the step's `timeout`. */
async function waitFor(inputs: Inputs, runnerId: string, phase: string): Promise<string> {
  const service = new RunnerService({
    baseUrl: inputs.apiUrl,
    token: inputs.token,
    timeoutMs: CALL_TIMEOUT_MS,
  })
  const seen = await waitForPhase(service, runnerId, phase, inputs.waitTimeoutSeconds * 1000)
  core.setOutput('phase', seen)
  return seen
}
