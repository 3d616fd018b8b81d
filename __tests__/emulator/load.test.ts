import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { setTimeout as sleep } from 'node:timers/promises'

import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

const KEEPERS = 50
const RENEWALS = 10
const INTERVAL_MS = 300

let emulator: Emulator
beforeAll(async () => {
  // The lifetime a 0.05 time scale gives; the interval is a fifth of it, as in the action's tests.
  emulator = await startEmulator({ lifetimeMs: 1500 })
})
afterAll(() => emulator.close())

async function keeper(index: number): Promise<number[]> {
  const created = await rawCall(emulator, 'CreateRunner', {
    name: `gha-load-${index}`,
    provider: 'RUNNER_PROVIDER_AWS_EC2',
  })
  const statuses = [created.status]

  for (let renewal = 0; renewal < RENEWALS; renewal++) {
    await sleep(INTERVAL_MS)
    const reply = await rawCall(emulator, 'MarkRunnerActive', {
      runnerId: created.json.runner.runnerId,
    })
    statuses.push(reply.status)
  }
  return statuses
}

describe('under load', () => {
  it(`serves ${KEEPERS} keepers renewing every ${INTERVAL_MS} ms without a lapse`, async () => {
    const statuses = await Promise.all(Array.from({ length: KEEPERS }, (_, index) => keeper(index)))

    expect(new Set(statuses.flat())).toEqual(new Set([200]))
    expect(emulator.requests()).toHaveLength(KEEPERS * (RENEWALS + 1))
    const registrations = emulator.registrations()
    expect(registrations.map((r) => [r.renewals, r.lapses])).toEqual(
      Array(KEEPERS).fill([RENEWALS, 0]),
    )
  })
})
