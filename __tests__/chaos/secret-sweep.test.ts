import { describe, expect, it } from '@jest/globals'

import type { StepResult } from '../../harness/types.js'
import { sweepStep, type Secret } from '../../scripts/chaos/secret-sweep.js'

const API_TOKEN = 'gitpod_pat_emu_0123456789abcdef0123456789abcdef'
const EXCHANGE_TOKEN = 'Zm9vYmFyLWV4Y2hhbmdlLXRva2VuLWZvci10aGUtcnVubmVy'
const SECRETS: Secret[] = [
  { name: 'API token', value: API_TOKEN },
  { name: 'exchange or access token', value: EXCHANGE_TOKEN },
]

function step(extra: Partial<StepResult>): StepResult {
  return {
    stdout: '',
    stderr: '',
    log: '',
    summary: '',
    outputs: {},
    state: {},
    ...extra,
  } as StepResult
}

describe('the secret sweep of a step', () => {
  it('allows the exchange token in its output and an add-mask line', () => {
    const clean = step({
      stdout: `::add-mask::${EXCHANGE_TOKEN}\nRegistered runner.\n`,
      outputs: { 'exchange-token': EXCHANGE_TOKEN, 'runner-id': 'abc' },
    })

    expect(sweepStep('main', clean, SECRETS)).toEqual([])
  })

  it('finds a token in the raw output, encoded, in another output or in the state', () => {
    const leaky = step({
      stderr: `Authorization: Basic ${Buffer.from(`x:${API_TOKEN}`).toString('base64')}\n`,
      outputs: { runner: `{"token":"${EXCHANGE_TOKEN}"}` },
      state: { keeper: `{"token":"${API_TOKEN}"}` },
    })

    expect(sweepStep('main', leaky, SECRETS)).toEqual([
      { secret: 'API token', where: 'main log and summary' },
      { secret: 'exchange or access token', where: 'main output runner' },
      { secret: 'API token', where: 'main state keeper' },
    ])
  })
})
