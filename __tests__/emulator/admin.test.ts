import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'

import { rawCall } from '../../emulator/raw-call.js'
import { RequestLog, type RecordedRequest } from '../../emulator/request-log.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
beforeEach(() => emulator.reset())
afterAll(() => emulator.close())

async function admin(path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  return { status: response.status, json: await response.json() }
}

describe('the admin endpoints (no token)', () => {
  it('GET registrations lists every registration with its timeline', async () => {
    const created = await rawCall(emulator, 'CreateRunner', {
      name: 'gha-admin',
      provider: 'RUNNER_PROVIDER_GCP',
    })
    const { runnerId } = created.json.runner
    await rawCall(emulator, 'MarkRunnerActive', { runnerId })

    const reply = await admin('registrations')

    expect(reply.status).toBe(200)
    expect(reply.json).toEqual([
      expect.objectContaining({
        runnerId,
        name: 'gha-admin',
        provider: 'RUNNER_PROVIDER_GCP',
        phase: 'RUNNER_PHASE_ACTIVE',
        renewals: 1,
        lapses: 0,
        deleted: false,
        timeline: [
          expect.objectContaining({ type: 'created' }),
          expect.objectContaining({ type: 'renewed', via: 'MarkRunnerActive' }),
        ],
      }),
    ])
  })

  it('GET requests shows each call: method, status, code, body, headers, authorized', async () => {
    await rawCall(
      emulator,
      'CreateRunner',
      { name: 'gha-log', provider: 'RUNNER_PROVIDER_GCP' },
      {
        headers: { 'user-agent': 'gitpod-runner-action/test' },
      },
    )
    await rawCall(emulator, 'GetRunner', { runnerId: 'nope' }, { token: 'wrong' })

    const reply = await admin('requests')

    expect(reply.json).toEqual([
      expect.objectContaining({
        method: 'CreateRunner',
        path: '/gitpod.v1.RunnerService/CreateRunner',
        at: expect.any(String),
        outcome: 'answered',
        httpStatus: 200,
        runnerId: expect.any(String),
        body: { name: 'gha-log', provider: 'RUNNER_PROVIDER_GCP' },
        headers: {
          userAgent: 'gitpod-runner-action/test',
          contentType: 'application/json',
          connectProtocolVersion: '1',
        },
        authorized: true,
      }),
      expect.objectContaining({
        method: 'GetRunner',
        httpStatus: 401,
        code: 'unauthenticated',
        authorized: false,
      }),
    ])
    expect(reply.json[0]).not.toHaveProperty('code')
    expect(JSON.stringify(reply.json)).not.toContain(emulator.token)
  })

  it('POST faults queues faults for the next calls; a bad spec is a 400', async () => {
    const added = await admin('faults', [
      { method: 'GetAuthenticatedIdentity', fault: { kind: 'error', code: 'unavailable' } },
      { method: 'GetAuthenticatedIdentity', fault: { kind: 'html', status: 504 } },
    ])
    const bad = await admin('faults', { method: 'GetRunner', fault: { kind: 'explode' } })

    const first = await rawCall(emulator, 'GetAuthenticatedIdentity', {})
    const second = await rawCall(emulator, 'GetAuthenticatedIdentity', {})
    const third = await rawCall(emulator, 'GetAuthenticatedIdentity', {})

    expect(added).toEqual({ status: 200, json: { pending: 2 } })
    expect(bad).toEqual({ status: 400, json: { error: expect.stringContaining('explode') } })
    expect([first.status, second.status, third.status]).toEqual([503, 504, 200])
    expect(emulator.requests().map((r) => r.fault?.kind)).toEqual(['error', 'html', undefined])
  })

  it('POST reset forgets registrations, requests and faults', async () => {
    await rawCall(emulator, 'CreateRunner', { name: 'gha-reset', provider: 'RUNNER_PROVIDER_GCP' })
    emulator.faults.add({ method: 'ListRunners', fault: { kind: 'hang' } })

    const reply = await admin('reset', {})

    expect(reply.status).toBe(200)
    expect(emulator.registrations()).toEqual([])
    expect(emulator.requests()).toEqual([])
    expect(emulator.faults.list()).toEqual([])
  })

  it('answers an unknown path with 404', async () => {
    expect((await admin('nothing')).status).toBe(404)
  })
})

describe('the request log', () => {
  it('keeps only the most recent calls', () => {
    const log = new RequestLog(3)
    const record = (method: string) => ({ method }) as RecordedRequest

    for (const method of ['a', 'b', 'c', 'd', 'e']) log.add(record(method))

    expect(log.entries().map((entry) => entry.method)).toEqual(['c', 'd', 'e'])
  })
})
