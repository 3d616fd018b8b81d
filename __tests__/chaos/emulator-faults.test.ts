import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { setTimeout as sleep } from 'node:timers/promises'

import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

// The fault injection the chaos run needs beyond the emulator's own tests: outages, hangs that
// end in a drop, and the list of credentials a secret sweep must look for.

const aws = { name: 'gha-chaos', provider: 'RUNNER_PROVIDER_AWS_EC2' }

let emulator: Emulator
beforeEach(async () => {
  emulator = await startEmulator()
})
afterEach(() => emulator.close())

const identity = () => rawCall(emulator, 'GetAuthenticatedIdentity', {})

describe('an outage (forMs)', () => {
  it('takes every matching call from the first one for forMs, then is gone', async () => {
    emulator.faults.add({
      method: 'GetAuthenticatedIdentity',
      forMs: 300,
      fault: { kind: 'error', code: 'unavailable' },
    })

    const during = [await identity(), await identity(), await identity()]
    const create = await rawCall(emulator, 'CreateRunner', aws)
    await sleep(350)
    const after = await identity()

    expect(during.map((reply) => reply.status)).toEqual([503, 503, 503])
    expect(create.status).toBe(200)
    expect(after.status).toBe(200)
    expect(emulator.faults.list()).toEqual([])
  })

  it('begins at its first call, not when it is added', async () => {
    emulator.faults.add({
      method: 'GetAuthenticatedIdentity',
      after: 1,
      forMs: 200,
      fault: { kind: 'html', status: 502 },
    })
    await sleep(250)

    const first = await identity()
    const second = await identity()

    expect([first.status, second.status]).toEqual([200, 502])
  })

  it('cannot also have a count', () => {
    expect(() =>
      emulator.faults.add({
        method: 'ListRunners',
        times: 2,
        forMs: 100,
        fault: { kind: 'drop-before' },
      }),
    ).toThrow(/forMs must be above 0, and cannot go with times/)
  })
})

describe('a hang with ms', () => {
  it('closes the connection unanswered after ms, without acting on the call', async () => {
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'hang', ms: 150 } })

    const started = Date.now()
    await expect(rawCall(emulator, 'CreateRunner', aws)).rejects.toThrow()

    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(emulator.registrations()).toEqual([])
    // The server side learns of the close a moment after the client does.
    for (let tries = 0; emulator.requests()[0]?.outcome === 'pending' && tries < 50; tries++) {
      await sleep(10)
    }
    expect(emulator.requests()).toEqual([
      expect.objectContaining({ method: 'CreateRunner', outcome: 'dropped' }),
    ])
  })
})

describe('credentials()', () => {
  it('lists every token issued, also those in an answer that never arrived', async () => {
    const answered = await rawCall(emulator, 'CreateRunner', aws)
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'drop-after' } })
    await expect(rawCall(emulator, 'CreateRunner', aws)).rejects.toThrow()
    const runnerId = answered.json.runner.runnerId
    const renewed = await rawCall(emulator, 'CreateRunnerToken', { runnerId })

    const issued = emulator.credentials()

    expect(issued).toHaveLength(6)
    expect(issued).toEqual(
      expect.arrayContaining([
        answered.json.exchangeToken,
        answered.json.accessToken,
        renewed.json.exchangeToken,
        renewed.json.accessToken,
      ]),
    )
    emulator.reset()
    expect(emulator.credentials()).toEqual([])
  })
})
