import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { toBinary, create } from '@bufbuild/protobuf'
import { DurationSchema } from '@bufbuild/protobuf/wkt'
import { setTimeout as sleep } from 'node:timers/promises'

import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

const aws = { name: 'gha-fault', provider: 'RUNNER_PROVIDER_AWS_EC2' }

let emulator: Emulator
beforeEach(async () => {
  emulator = await startEmulator()
})
afterEach(() => emulator.close())

const identity = () => rawCall(emulator, 'GetAuthenticatedIdentity', {})

describe('error faults', () => {
  it('answer with the Connect code, its mapped HTTP status and the retry hints', async () => {
    emulator.faults.add({
      method: 'CreateRunner',
      fault: {
        kind: 'error',
        code: 'resource_exhausted',
        message: 'slow down',
        retryAfter: '3',
        retryAfterMs: 2500,
        rateLimitRetryAfter: 4,
        retryInfoDelay: '2s',
      },
    })

    const reply = await rawCall(emulator, 'CreateRunner', aws)

    expect(reply.status).toBe(429)
    expect(reply.headers.get('retry-after')).toBe('3')
    expect(reply.headers.get('retry-after-ms')).toBe('2500')
    expect(reply.headers.get('ratelimit-retryafter')).toBe('4')
    expect(reply.json).toEqual({
      code: 'resource_exhausted',
      message: 'slow down',
      details: [
        { type: 'google.rpc.RetryInfo', value: expect.any(String), debug: { retryDelay: '2s' } },
      ],
    })
    // RetryInfo { retry_delay (1): Duration { seconds: 2 } }
    const duration = toBinary(DurationSchema, create(DurationSchema, { seconds: 2n }))
    const value = Buffer.from(reply.json.details[0].value, 'base64')
    expect([...value]).toEqual([0x0a, duration.length, ...duration])
    expect(emulator.registrations()).toEqual([])
  })

  it('use a given HTTP status instead of the mapping', async () => {
    emulator.faults.add({
      method: 'GetAuthenticatedIdentity',
      fault: { kind: 'error', code: 'unavailable', httpStatus: 502 },
    })

    const reply = await identity()

    expect([reply.status, reply.json.code]).toEqual([502, 'unavailable'])
  })

  it('come before the token check', async () => {
    emulator.faults.add({ method: '*', fault: { kind: 'error', code: 'internal' } })

    const reply = await rawCall(emulator, 'ListRunners', {}, { token: 'wrong' })

    expect([reply.status, reply.json.code]).toEqual([500, 'internal'])
  })
})

describe('which calls a fault takes', () => {
  it('skips `after` matching calls, then takes `times` of them, in order', async () => {
    emulator.faults.add([
      {
        method: 'GetAuthenticatedIdentity',
        after: 1,
        times: 2,
        fault: { kind: 'error', code: 'unavailable' },
      },
      { method: 'GetAuthenticatedIdentity', fault: { kind: 'error', code: 'aborted' } },
    ])

    const statuses = []
    for (let call = 0; call < 5; call++) statuses.push((await identity()).json.code ?? 'ok')

    expect(statuses).toEqual(['aborted', 'unavailable', 'unavailable', 'ok', 'ok'])
    expect(emulator.faults.list()).toEqual([])
  })

  it('leaves other methods alone, and `*` matches any', async () => {
    emulator.faults.add({ method: 'DeleteRunner', fault: { kind: 'error', code: 'internal' } })
    const untouched = await identity()
    emulator.faults.add({ method: '*', fault: { kind: 'error', code: 'internal' } })
    const wildcard = await identity()

    expect([untouched.status, wildcard.status]).toEqual([200, 500])
  })

  it('refuses a malformed spec at once', () => {
    expect(() =>
      emulator.faults.add({ method: 'CreateRunners' as 'CreateRunner', fault: { kind: 'hang' } }),
    ).toThrow(/method must be one of/)
    expect(() =>
      emulator.faults.add({ method: '*', fault: { kind: 'error', code: 'UNAVAILABLE' } }),
    ).toThrow(/unknown Connect code/)
  })
})

describe('transport faults', () => {
  it('html: a proxy page with the given status', async () => {
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'html', status: 502 } })

    const reply = await rawCall(emulator, 'CreateRunner', aws)

    expect(reply.status).toBe(502)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
    expect(reply.text).toMatch(/^<html>/)
    expect(emulator.registrations()).toEqual([])
  })

  it('delay: waits, then handles the call normally', async () => {
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'delay', ms: 400 } })

    const started = Date.now()
    const reply = await rawCall(emulator, 'CreateRunner', aws)

    expect(Date.now() - started).toBeGreaterThanOrEqual(390)
    expect(reply.status).toBe(200)
    expect(emulator.registrations()).toHaveLength(1)
  })

  it('drop-before: the connection closes and nothing happens', async () => {
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'drop-before' } })

    await expect(rawCall(emulator, 'CreateRunner', aws)).rejects.toThrow(/fetch failed/)

    expect(emulator.registrations()).toEqual([])
    expect(emulator.requests()[0]).toMatchObject({
      method: 'CreateRunner',
      outcome: 'dropped',
      fault: { kind: 'drop-before' },
    })
  })

  it('drop-after: the call takes effect, then the connection closes unanswered', async () => {
    emulator.faults.add({ method: 'CreateRunner', fault: { kind: 'drop-after' } })

    await expect(rawCall(emulator, 'CreateRunner', aws)).rejects.toThrow(/fetch failed/)

    expect(emulator.registrations()).toEqual([expect.objectContaining({ name: 'gha-fault' })])
    expect(emulator.requests()[0]).toMatchObject({
      outcome: 'dropped',
      fault: { kind: 'drop-after' },
    })
    expect(emulator.requests()[0]).not.toHaveProperty('httpStatus')
  })

  it('drop-after on DeleteRunner: the runner is gone, so a retry gets not_found', async () => {
    const { runnerId } = (await rawCall(emulator, 'CreateRunner', aws)).json.runner
    emulator.faults.add({ method: 'DeleteRunner', fault: { kind: 'drop-after' } })

    await expect(rawCall(emulator, 'DeleteRunner', { runnerId })).rejects.toThrow(/fetch failed/)
    const retry = await rawCall(emulator, 'DeleteRunner', { runnerId })

    expect(emulator.registrations()[0]).toMatchObject({ runnerId, deleted: true })
    expect(retry.json.code).toBe('not_found')
  })

  it('hang: never answers, until the emulator closes the connection', async () => {
    emulator.faults.add({ method: 'MarkRunnerActive', fault: { kind: 'hang' } })

    const pending = rawCall(emulator, 'MarkRunnerActive', { runnerId: 'x' })
    const settled = pending.then(
      () => 'answered',
      () => 'failed',
    )
    await sleep(500)
    const early = await Promise.race([settled, sleep(0, 'still waiting')])
    const pendingRecord = emulator.requests()[0]
    await emulator.close()

    expect(early).toBe('still waiting')
    expect(pendingRecord).toMatchObject({ outcome: 'pending', fault: { kind: 'hang' } })
    expect(await settled).toBe('failed')
  })
})
