import * as core from '@actions/core'

import type { RenewalMethod } from '../keep-alive/renewal.js'
import type { SpecInput } from '../spec/build-request.js'
import { parseEnum } from '../spec/enums.js'
import { readApiUrl, readToken } from './api-endpoint.js'
import { parseBoolean, parseChoice, parseNumber } from './parse.js'

/** Every input of action.yml, read and checked in one place. */
export interface Inputs {
  token: string
  apiUrl: string
  specFile: string
  inlineSpec: string
  /** The single inputs that set one field of the request each, when not empty. */
  specInputs: Partial<Record<SpecInput, string>>
  cleanup: boolean
  /** Read by the post step; checked here too, so a typo fails the main step, not a clean-up. */
  failOnCleanupError: boolean
  dryRun: boolean
  renewal: RenewalMethod
  renewIntervalSeconds: number
  keepAliveTimeoutMinutes: number
  /** The phase to wait for after the create (full enum name), or undefined. */
  waitForPhase?: string
  waitTimeoutSeconds: number
  /** The deadline for the whole main step, and the cap for the post step. */
  timeoutSeconds: number
}

const SPEC_INPUTS: readonly SpecInput[] = [
  'name',
  'provider',
  'kind',
  'runner-manager-id',
  'region',
  'release-channel',
  'auto-update',
  'desired-phase',
  'log-level',
  'variant',
  'update-window',
  'devcontainer-image-cache',
]

export const RENEWAL_METHODS: readonly RenewalMethod[] = ['mark-active', 'update-runner', 'none']

/**
 * The interval bounds: a renewal must land well inside the 30 s lifetime even after a failed
 * attempt and its retry, so anything above 20 s could let the registration lapse.
 */
export const RENEW_INTERVAL = { min: 1, max: 20, unit: 'seconds' }

/** Long enough for every retry of a slow API, short enough that a stuck step is noticed. */
export const STEP_TIMEOUT = { min: 10, max: 3600, unit: 'seconds' }

/** A runner deployed by a cloud template may take many minutes to come up. */
export const WAIT_TIMEOUT = { min: 1, max: 3600, unit: 'seconds' }

/** Up to the longest a self-hosted job may run (5 days). */
export const KEEP_ALIVE_TIMEOUT = { min: 1, max: 7200, unit: 'minutes' }

export function readInputs(): Inputs {
  const token = readToken()

  const specInputs: Inputs['specInputs'] = {}
  for (const name of SPEC_INPUTS) {
    const value = core.getInput(name)
    if (value) specInputs[name] = value
  }

  return {
    token,
    apiUrl: readApiUrl(),
    specFile: core.getInput('spec-file'),
    inlineSpec: core.getInput('spec', { trimWhitespace: false }),
    specInputs,
    cleanup: readCleanup(),
    failOnCleanupError: readFailOnCleanupError(),
    dryRun: parseBoolean('dry-run', core.getInput('dry-run'), false),
    renewal: parseChoice('renewal', core.getInput('renewal'), RENEWAL_METHODS, 'mark-active'),
    renewIntervalSeconds: parseNumber(
      'renew-interval',
      core.getInput('renew-interval'),
      10,
      RENEW_INTERVAL,
    ),
    keepAliveTimeoutMinutes: parseNumber(
      'keep-alive-timeout',
      core.getInput('keep-alive-timeout'),
      360,
      KEEP_ALIVE_TIMEOUT,
    ),
    waitForPhase: readWaitForPhase(),
    waitTimeoutSeconds: parseNumber(
      'wait-timeout',
      core.getInput('wait-timeout'),
      300,
      WAIT_TIMEOUT,
    ),
    timeoutSeconds: readTimeout(),
  }
}

function readWaitForPhase(): string | undefined {
  const raw = core.getInput('wait-for-phase')
  return raw ? parseEnum('RunnerPhase', raw, 'input wait-for-phase') : undefined
}

/** Also read alone by the post step. */
export function readTimeout(): number {
  return parseNumber('timeout', core.getInput('timeout'), 120, STEP_TIMEOUT)
}

export function readFailOnCleanupError(): boolean {
  return parseBoolean('fail-on-cleanup-error', core.getInput('fail-on-cleanup-error'), false)
}

/** Also read alone by the post step, which must work even when other inputs are broken. */
export function readCleanup(): boolean {
  return parseBoolean('cleanup', core.getInput('cleanup'), true)
}
