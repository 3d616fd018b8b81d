import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

const validCreate = { name: 'gha-strict', provider: 'RUNNER_PROVIDER_AWS_EC2' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())

describe('the emulator is as strict as a real Connect server', () => {
  it.each([
    ['an unknown field', { ...validCreate, regoin: 'us-east-1' }, /key "regoin" is unknown/],
    [
      'an unknown enum name',
      { ...validCreate, provider: 'RUNNER_PROVIDER_AWS' },
      /RUNNER_PROVIDER_AWS/,
    ],
    [
      'a nested unknown field',
      { ...validCreate, spec: { configuration: { regoin: 'x' } } },
      /regoin/,
    ],
    ['a number where a string belongs', { ...validCreate, name: 5 }, /name/],
    [
      'a string where a bool belongs',
      { ...validCreate, spec: { configuration: { autoUpdate: 'yes' } } },
      /autoUpdate|auto_update/,
    ],
  ])('refuses %s with invalid_argument', async (_, body, message) => {
    const reply = await rawCall(emulator, 'CreateRunner', body)

    expect(reply.status).toBe(400)
    expect(reply.json.code).toBe('invalid_argument')
    expect(reply.json.message).toMatch(message)
  })

  it('refuses a body that is not JSON', async () => {
    const reply = await rawCall(emulator, 'CreateRunner', undefined, { rawBody: '{"name":' })

    expect(reply.status).toBe(400)
    expect(reply.json.code).toBe('invalid_argument')
  })

  it('refuses a body over 1 MiB with resource_exhausted', async () => {
    const name = 'x'.repeat(1024 * 1024)
    const reply = await rawCall(emulator, 'CreateRunner', { ...validCreate, name })

    expect([reply.status, reply.json.code]).toEqual([429, 'resource_exhausted'])
  })

  it('refuses a call without Connect-Protocol-Version: 1', async () => {
    const reply = await rawCall(emulator, 'CreateRunner', validCreate, {
      headers: { 'connect-protocol-version': null },
    })

    expect(reply.status).toBe(400)
    expect(reply.json).toEqual({
      code: 'invalid_argument',
      message: expect.stringContaining('Connect-Protocol-Version'),
    })
    expect(emulator.registrations()).toHaveLength(0)
  })
})

describe('the bearer token', () => {
  it.each([
    ['a wrong token', 'gitpod_pat_emu_wrong'],
    ['no token', null],
  ])('answers %s with unauthenticated, HTTP 401, Connect JSON', async (_, token) => {
    const reply = await rawCall(emulator, 'ListRunners', {}, { token })

    expect(reply.status).toBe(401)
    expect(reply.headers.get('content-type')).toBe('application/json')
    expect(reply.json).toEqual({ code: 'unauthenticated', message: expect.any(String) })
  })

  it('is checked before the request body', async () => {
    const reply = await rawCall(emulator, 'CreateRunner', { bogus: true }, { token: 'nope' })

    expect(reply.json.code).toBe('unauthenticated')
  })

  it('is never written to the request log, nor echoed in an error', async () => {
    const wrong = 'gitpod_pat_emu_not_the_right_one'
    const reply = await rawCall(emulator, 'GetRunner', {}, { token: wrong })
    await rawCall(emulator, 'GetAuthenticatedIdentity', {})

    const log = JSON.stringify(emulator.requests())
    expect(log).not.toContain(emulator.token)
    expect(log).not.toContain(wrong)
    expect(reply.text).not.toContain(wrong)
    expect(
      emulator
        .requests()
        .slice(-2)
        .map((r) => r.authorized),
    ).toEqual([false, true])
  })
})
