import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Runner } from '../api/types.js'
import type { Inputs } from '../inputs/read-inputs.js'
import { saveState } from '../state.js'
import { REGISTRATION_LIFETIME_MS, scaled } from '../time-scale.js'
import { firstRenewal } from './first-renewal.js'
import { startKeeper } from './start-keeper.js'

/**
 * Keeps the registration alive for the rest of the job: the first renewal now, in the main step,
 * then the keeper in the background until the post step stops it.
 */
export async function keepAlive(inputs: Inputs, runner: Runner): Promise<void> {
  if (inputs.renewal === 'none') {
    core.info('Renewal is off (`renewal: none`): the runner this job starts keeps it alive.')
    return
  }

  const endpoint = { baseUrl: inputs.apiUrl, token: inputs.token }
  const renewedAt = await firstRenewal(endpoint, inputs.renewal, runner)

  const lifetimeMs = scaled(REGISTRATION_LIFETIME_MS)
  const keeper = startKeeper(
    {
      apiUrl: inputs.apiUrl,
      token: inputs.token,
      runnerId: runner.runnerId,
      runnerName: runner.name ?? '',
      renewal: inputs.renewal,
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
