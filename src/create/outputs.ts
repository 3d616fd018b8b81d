import * as core from '@actions/core'

import type { Runner } from '../api/types.js'
import { redactSecrets } from '../spec/redact.js'
import type { Registration } from './register.js'

/**
 * The outputs that describe the runner, set as soon as it exists. `runner-id` stays readable on
 * purpose, so later jobs can use it (a masked output cannot cross jobs).
 */
export function setRunnerOutputs(runner: Runner): void {
  core.setOutput('runner-id', runner.runnerId)
  core.setOutput('name', runner.name ?? '')
  core.setOutput('phase', runner.status?.phase ?? '')
  core.setOutput('runner', JSON.stringify(redactSecrets(runner)))
}

/** The credentials, masked when they arrived; set once the registration is kept alive. */
export function setTokenOutputs(registration: Registration): void {
  core.setOutput('exchange-token', registration.exchangeToken ?? '')
  if (registration.accessToken) core.setOutput('access-token', registration.accessToken)
}
