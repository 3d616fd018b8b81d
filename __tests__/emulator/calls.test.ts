import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createClient } from '@connectrpc/connect'
import { createConnectTransport } from '@connectrpc/connect-node'

import { RunnerService } from '../../emulator/gen/gitpod/v1/runner_pb.js'
import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const createRequest = {
  name: 'gha-ephemeral-1234',
  provider: 'RUNNER_PROVIDER_AWS_EC2',
  spec: {
    desiredPhase: 'RUNNER_PHASE_ACTIVE',
    configuration: {
      region: 'us-east-1',
      releaseChannel: 'RUNNER_RELEASE_CHANNEL_STABLE',
      autoUpdate: true,
      metrics: {
        enabled: true,
        url: 'https://metrics.example',
        username: 'u',
        password: 'hunter2',
      },
    },
  },
}

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
beforeEach(() => emulator.reset())
afterAll(() => emulator.close())

async function createRunner(body: object = createRequest): Promise<string> {
  const reply = await rawCall(emulator, 'CreateRunner', body)
  expect(reply.status).toBe(200)
  return reply.json.runner.runnerId
}

describe('CreateRunner', () => {
  it('returns the runner as the API does, with an exchange token and an access token', async () => {
    const reply = await rawCall(emulator, 'CreateRunner', createRequest)

    expect(reply.json).toEqual({
      runner: {
        runnerId: expect.stringMatching(UUID),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        name: 'gha-ephemeral-1234',
        spec: createRequest.spec,
        status: {
          updatedAt: expect.any(String),
          phase: 'RUNNER_PHASE_CREATED',
          message: expect.any(String),
          region: 'us-east-1',
        },
        creator: { id: expect.stringMatching(UUID), principal: 'PRINCIPAL_USER' },
        kind: 'RUNNER_KIND_REMOTE',
        provider: 'RUNNER_PROVIDER_AWS_EC2',
      },
      exchangeToken: expect.stringMatching(/^[\w-]{40,}$/),
      accessToken: expect.stringMatching(/^[\w-]{40,}$/),
    })
    expect(reply.json.exchangeToken).not.toBe(reply.json.accessToken)
  })

  it.each([
    ['RUNNER_PROVIDER_GCP', 'RUNNER_KIND_REMOTE'],
    ['RUNNER_PROVIDER_LINUX_HOST', 'RUNNER_KIND_LOCAL'],
    ['RUNNER_PROVIDER_DESKTOP_MAC', 'RUNNER_KIND_LOCAL'],
    ['RUNNER_PROVIDER_DEV_AGENT', 'RUNNER_KIND_REMOTE'],
  ])('deduces the kind of a %s runner: %s', async (provider, kind) => {
    const reply = await rawCall(emulator, 'CreateRunner', { name: 'gha-kind', provider })

    expect(reply.json.runner.kind).toBe(kind)
  })

  it('keeps the runner manager of a managed runner', async () => {
    const runnerManagerId = '0f6c0b1e-9d1a-4a57-8a43-3f1e2d4c5b6a'
    const reply = await rawCall(emulator, 'CreateRunner', {
      name: 'gha-managed',
      provider: 'RUNNER_PROVIDER_MANAGED',
      runnerManagerId,
    })

    expect(reply.json.runner).toMatchObject({ kind: 'RUNNER_KIND_REMOTE', runnerManagerId })
  })

  it('leaves out the deprecated access token when asked to', async () => {
    const quiet = await startEmulator({ returnAccessToken: false })
    try {
      const reply = await rawCall(quiet, 'CreateRunner', createRequest)
      expect(reply.json.exchangeToken).toBeTruthy()
      expect(reply.json).not.toHaveProperty('accessToken')
    } finally {
      await quiet.close()
    }
  })
})

describe('GetRunner, CreateRunnerToken, GetAuthenticatedIdentity', () => {
  it('GetRunner returns the stored runner', async () => {
    const runnerId = await createRunner()

    const reply = await rawCall(emulator, 'GetRunner', { runnerId })

    expect(reply.json.runner).toMatchObject({ runnerId, name: createRequest.name })
  })

  it('GetRunner of an unknown runner is not_found', async () => {
    const reply = await rawCall(emulator, 'GetRunner', {
      runnerId: '00000000-0000-4000-8000-000000000000',
    })

    expect([reply.status, reply.json.code]).toEqual([404, 'not_found'])
  })

  it('CreateRunnerToken mints fresh credentials each time', async () => {
    const runnerId = await createRunner()

    const first = await rawCall(emulator, 'CreateRunnerToken', { runnerId })
    const second = await rawCall(emulator, 'CreateRunnerToken', { runnerId })

    expect(first.json.exchangeToken).toBeTruthy()
    expect(first.json.accessToken).toBeTruthy()
    expect(second.json.exchangeToken).not.toBe(first.json.exchangeToken)
  })

  it('GetAuthenticatedIdentity names the token user, who created the runners', async () => {
    const runnerId = await createRunner()

    const identity = await rawCall(emulator, 'GetAuthenticatedIdentity', {})
    const runner = await rawCall(emulator, 'GetRunner', { runnerId })

    expect(identity.json).toEqual({
      subject: { id: runner.json.runner.creator.id, principal: 'PRINCIPAL_USER' },
      organizationId: expect.stringMatching(UUID),
    })
  })
})

describe('UpdateRunner', () => {
  it('patches only the fields sent', async () => {
    const runnerId = await createRunner()

    const reply = await rawCall(emulator, 'UpdateRunner', {
      runnerId,
      name: 'gha-renamed',
      spec: {
        configuration: { metrics: { url: 'https://other.example' }, logLevel: 'LOG_LEVEL_DEBUG' },
      },
    })
    const { runner } = (await rawCall(emulator, 'GetRunner', { runnerId })).json

    expect(reply.json).toEqual({})
    expect(runner.name).toBe('gha-renamed')
    expect(runner.spec.configuration).toEqual({
      ...createRequest.spec.configuration,
      logLevel: 'LOG_LEVEL_DEBUG',
      metrics: { ...createRequest.spec.configuration.metrics, url: 'https://other.example' },
    })
  })

  it('sets an update window with the default end, and clears it with an empty one', async () => {
    const runnerId = await createRunner()

    await rawCall(emulator, 'UpdateRunner', {
      runnerId,
      spec: { configuration: { updateWindow: { startHour: 23 } } },
    })
    const set = (await rawCall(emulator, 'GetRunner', { runnerId })).json.runner
    await rawCall(emulator, 'UpdateRunner', {
      runnerId,
      spec: { configuration: { updateWindow: {} } },
    })
    const cleared = (await rawCall(emulator, 'GetRunner', { runnerId })).json.runner

    expect(set.spec.configuration.updateWindow).toEqual({ startHour: 23, endHour: 1 })
    expect(cleared.spec.configuration).not.toHaveProperty('updateWindow')
  })

  it('refuses spec.desiredPhase on an ordinary runner with failed_precondition', async () => {
    const runnerId = await createRunner()

    const reply = await rawCall(emulator, 'UpdateRunner', {
      runnerId,
      spec: { desiredPhase: 'RUNNER_PHASE_INACTIVE' },
    })

    expect(reply.json).toEqual({
      code: 'failed_precondition',
      message: expect.stringMatching(/desiredPhase/),
    })
  })
})

describe('DeleteRunner', () => {
  it('removes the runner and records that no force was sent', async () => {
    const runnerId = await createRunner()

    const reply = await rawCall(emulator, 'DeleteRunner', { runnerId })

    expect(reply.json).toEqual({})
    expect(emulator.timeline(runnerId).at(-1)).toMatchObject({
      type: 'deleted',
      force: false,
      forceSent: false,
    })
  })

  it('records a force field even when it is sent as false', async () => {
    const runnerId = await createRunner()

    await rawCall(emulator, 'DeleteRunner', { runnerId, force: false })

    expect(emulator.timeline(runnerId).at(-1)).toMatchObject({ force: false, forceSent: true })
  })
})

describe('a typed Connect client', () => {
  it.each([
    ['JSON', false],
    ['binary', true],
  ])('works over %s, and the request log shows the request as JSON', async (_, useBinaryFormat) => {
    const transport = createConnectTransport({
      baseUrl: emulator.url,
      httpVersion: '1.1',
      useBinaryFormat,
      interceptors: [
        (next) => (request) => {
          request.header.set('authorization', `Bearer ${emulator.token}`)
          return next(request)
        },
      ],
    })
    const client = createClient(RunnerService, transport)

    const { runner } = await client.createRunner({ name: 'gha-typed', provider: 2 })

    expect(runner?.kind).toBe(1)
    expect(emulator.requests().at(-1)).toMatchObject({
      method: 'CreateRunner',
      httpStatus: 200,
      runnerId: runner?.runnerId,
      body: { name: 'gha-typed', provider: 'RUNNER_PROVIDER_LINUX_HOST' },
    })
  })
})
