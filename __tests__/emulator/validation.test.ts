import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

const UUID = '3b2f6c1d-8e4a-4b7c-9d0e-1f2a3b4c5d6e'
const aws = { name: 'gha-valid', provider: 'RUNNER_PROVIDER_AWS_EC2' }
const window = (updateWindow: object) => ({ ...aws, spec: { configuration: { updateWindow } } })

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())

describe('CreateRunner refuses what the API refuses, naming the field', () => {
  it.each([
    ['a 2-character name', { ...aws, name: 'ab' }, 'name'],
    ['a 128-character name', { ...aws, name: 'x'.repeat(128) }, 'name'],
    ['neither kind nor provider', { name: 'gha-valid' }, 'provider'],
    [
      'an UNSPECIFIED provider',
      { name: 'gha-valid', provider: 'RUNNER_PROVIDER_UNSPECIFIED' },
      'provider',
    ],
    ['both kind and provider', { ...aws, kind: 'RUNNER_KIND_REMOTE' }, 'kind'],
    ['an undefined enum number', { name: 'gha-valid', provider: 42 }, 'provider'],
    [
      'kind LOCAL_CONFIGURATION',
      { name: 'gha-valid', kind: 'RUNNER_KIND_LOCAL_CONFIGURATION' },
      'kind',
    ],
    [
      'a managed runner without runnerManagerId',
      { name: 'gha-m', provider: 'RUNNER_PROVIDER_MANAGED' },
      'runnerManagerId',
    ],
    [
      'a managed runner with a non-UUID manager',
      { name: 'gha-m', provider: 'RUNNER_PROVIDER_MANAGED', runnerManagerId: 'mgr-1' },
      'runnerManagerId',
    ],
    ['runnerManagerId on an AWS runner', { ...aws, runnerManagerId: UUID }, 'runnerManagerId'],
    [
      'runnerManagerId on a kind-only runner',
      { name: 'gha-k', kind: 'RUNNER_KIND_REMOTE', runnerManagerId: UUID },
      'runnerManagerId',
    ],
    ['startHour 24', window({ startHour: 24 }), 'spec.configuration.updateWindow.startHour'],
    [
      'endHour 24',
      window({ startHour: 1, endHour: 24 }),
      'spec.configuration.updateWindow.endHour',
    ],
    ['a 1-hour window', window({ startHour: 3, endHour: 4 }), 'spec.configuration.updateWindow'],
    ['an empty window', window({ startHour: 3, endHour: 3 }), 'spec.configuration.updateWindow'],
    [
      'endHour without startHour',
      window({ endHour: 5 }),
      'spec.configuration.updateWindow.startHour',
    ],
  ])('%s', async (_, body, field) => {
    const reply = await rawCall(emulator, 'CreateRunner', body)

    expect(reply.status).toBe(400)
    expect(reply.json.code).toBe('invalid_argument')
    expect(reply.json.message).toMatch(
      new RegExp(`^validation error: ${field.replace(/\./g, '\\.')}: `),
    )
  })

  it.each([
    ['a 3-character name', { ...aws, name: 'abc' }],
    ['a 127-character name', { ...aws, name: 'x'.repeat(127) }],
    ['a kind without a provider', { name: 'gha-kind', kind: 'RUNNER_KIND_REMOTE' }],
    ['an overnight window', window({ startHour: 22, endHour: 4 })],
    ['a window of exactly 2 hours across midnight', window({ startHour: 23, endHour: 1 })],
    ['hour 0', window({ startHour: 0 })],
  ])('accepts %s', async (_, body) => {
    const reply = await rawCall(emulator, 'CreateRunner', body)

    expect(reply.status).toBe(200)
  })
})

describe('runner ids are UUIDs on every call that takes one', () => {
  it.each([
    'GetRunner',
    'UpdateRunner',
    'DeleteRunner',
    'CreateRunnerToken',
    'MarkRunnerActive',
  ] as const)('%s', async (method) => {
    const empty = await rawCall(emulator, method, {})
    const bad = await rawCall(emulator, method, { runnerId: 'runner-1' })

    expect(empty.json).toEqual({
      code: 'invalid_argument',
      message: expect.stringMatching(/^validation error: runnerId: /),
    })
    expect(bad.json).toEqual({
      code: 'invalid_argument',
      message: expect.stringMatching(/^validation error: runnerId: /),
    })
  })
})

describe('UpdateRunner and ListRunners', () => {
  it.each([
    ['UpdateRunner', { runnerId: UUID, name: 'ab' }, 'name'],
    [
      'UpdateRunner',
      { runnerId: UUID, spec: { configuration: { updateWindow: { startHour: 5, endHour: 6 } } } },
      'spec.configuration.updateWindow',
    ],
    ['ListRunners', { pagination: { pageSize: 101 } }, 'pagination.pageSize'],
    ['ListRunners', { pagination: { pageSize: -1 } }, 'pagination.pageSize'],
    ['ListRunners', { pagination: { token: 'not-a-token' } }, 'pagination.token'],
    ['ListRunners', { filter: { kinds: Array(26).fill('RUNNER_KIND_REMOTE') } }, 'filter.kinds'],
    [
      'ListRunners',
      { filter: { providers: Array(26).fill('RUNNER_PROVIDER_GCP') } },
      'filter.providers',
    ],
    ['ListRunners', { filter: { creatorIds: Array(26).fill(UUID) } }, 'filter.creatorIds'],
    ['ListRunners', { filter: { creatorIds: ['me'] } }, 'filter.creatorIds[0]'],
  ] as const)('%s refuses %j', async (method, body, field) => {
    const reply = await rawCall(emulator, method, body)

    expect(reply.json.code).toBe('invalid_argument')
    expect(reply.json.message.startsWith(`validation error: ${field}: `)).toBe(true)
  })

  it('ListRunners accepts pageSize 100 and 25 filter items', async () => {
    const reply = await rawCall(emulator, 'ListRunners', {
      pagination: { pageSize: 100 },
      filter: { creatorIds: Array(25).fill(UUID) },
    })

    expect(reply.status).toBe(200)
  })
})
