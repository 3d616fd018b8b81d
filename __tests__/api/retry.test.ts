import { describe, expect, it } from '@jest/globals'

import { ConnectError } from '../../src/api/connect-error.js'
import { retryDelayMs, withRetries } from '../../src/api/retry.js'

const unavailable = () => new ConnectError('GetRunner', 'unavailable', '', 'yes', 503)

describe('withRetries', () => {
  it('retries transient failures and says so, one line per retry', async () => {
    const lines: string[] = []
    let calls = 0
    const result = await withRetries(
      'GetRunner',
      {
        attempts: 5,
        baseDelayMs: 1,
        maxDelayMs: 4,
        log: { info: (m) => lines.push(m), debug: () => undefined },
      },
      async () => {
        if (++calls < 3) throw unavailable()
        return 'ok'
      },
    )
    expect(result).toBe('ok')
    expect(calls).toBe(3)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^GetRunner: attempt 2 of 5 in /)
  })

  it('does not retry a final error', async () => {
    let calls = 0
    await expect(
      withRetries('DeleteRunner', { attempts: 5, baseDelayMs: 1, maxDelayMs: 1 }, async () => {
        calls++
        throw new ConnectError('DeleteRunner', 'permission_denied', '', 'yes', 403)
      }),
    ).rejects.toThrow('permission_denied')
    expect(calls).toBe(1)
  })

  it('stops at the deadline rather than waiting past it', async () => {
    let calls = 0
    const started = Date.now()
    await expect(
      withRetries(
        'GetRunner',
        { attempts: 10, baseDelayMs: 1000, maxDelayMs: 1000, deadline: Date.now() + 200 },
        async () => {
          calls++
          throw unavailable()
        },
      ),
    ).rejects.toThrow('unavailable')
    expect(calls).toBe(1)
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('retryDelayMs', () => {
  it('uses the server delay when given, else capped exponential backoff with jitter', () => {
    const asked = new ConnectError('X', 'resource_exhausted', '', 'yes', 429, 1234)
    expect(retryDelayMs(asked, 1, { baseDelayMs: 500, maxDelayMs: 8000 })).toBe(1234)

    const policy = { baseDelayMs: 500, maxDelayMs: 8000 }
    expect(retryDelayMs(unavailable(), 1, policy, () => 0)).toBe(500)
    expect(retryDelayMs(unavailable(), 3, policy, () => 0)).toBe(2000)
    expect(retryDelayMs(unavailable(), 10, policy, () => 0)).toBe(8000)
    expect(retryDelayMs(unavailable(), 10, policy, () => 1)).toBe(6000)
  })
})

describe('withRetries with lastAttemptMs', () => {
  it('cuts a wait that would pass the deadline short, for one last attempt', async () => {
    let calls = 0
    const started = Date.now()
    const tooLong = new ConnectError(
      'MarkRunnerActive',
      'resource_exhausted',
      '',
      'yes',
      429,
      60_000,
    )
    const result = await withRetries(
      'First renewal',
      { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, deadline: started + 400, lastAttemptMs: 100 },
      async () => {
        if (++calls === 1) throw tooLong
        return 'renewed'
      },
    )
    expect(result).toBe('renewed')
    expect(calls).toBe(2)
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
