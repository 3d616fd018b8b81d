import * as core from '@actions/core'

import { redactSecrets } from '../spec/redact.js'
import type { Registration } from './register.js'

/**
 * The step's outputs. The tokens were masked when the answer arrived; `runner-id` stays readable
 * on purpose, so later jobs can use it (a masked output cannot cross jobs).
 */
export function setRegistrationOutputs(registration: Registration, phase?: string): void {
  const { runner } = registration

  core.setOutput('runner-id', runner.runnerId)
  core.setOutput('name', runner.name ?? '')
  core.setOutput('phase', phase ?? runner.status?.phase ?? '')
  core.setOutput('exchange-token', registration.exchangeToken ?? '')
  if (registration.accessToken) core.setOutput('access-token', registration.accessToken)
  core.setOutput('runner', JSON.stringify(redactSecrets(runner)))
}
