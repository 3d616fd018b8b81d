import { describe, expect, it } from '@jest/globals'

import { redactSecrets } from '../../src/spec/redact.js'

describe('redactSecrets', () => {
  const runner = {
    runnerId: 'b2f1c3d4-0000-4000-8000-000000000001',
    name: 'gha-runner',
    spec: {
      configuration: {
        region: 'us-west',
        metrics: { enabled: true, username: 'runner', password: 'metrics-pass' },
        encryptedHoneycombApiKey: 'c2VjcmV0',
      },
    },
  }

  it('replaces the metrics password and the honeycomb key with ***, keeping the rest', () => {
    expect(redactSecrets(runner)).toEqual({
      runnerId: 'b2f1c3d4-0000-4000-8000-000000000001',
      name: 'gha-runner',
      spec: {
        configuration: {
          region: 'us-west',
          metrics: { enabled: true, username: 'runner', password: '***' },
          encryptedHoneycombApiKey: '***',
        },
      },
    })
  })

  it('leaves the original untouched', () => {
    const copy = structuredClone(runner)
    redactSecrets(runner)
    expect(runner).toEqual(copy)
  })

  it('redacts inside lists, the update call plaintext key and a response tokens', () => {
    const value = {
      runners: [{ spec: { configuration: { honeycombApiKey: 'plain' } } }],
      accessToken: 'access',
      exchangeToken: 'exchange',
    }

    expect(JSON.stringify(redactSecrets(value))).not.toMatch(/plain|access"|exchange"/)
    expect(redactSecrets(value).runners[0].spec.configuration.honeycombApiKey).toBe('***')
  })

  it('shows an empty or missing secret as it is, since nothing was set', () => {
    const value = { metrics: { password: '' }, encryptedHoneycombApiKey: null }
    expect(redactSecrets(value)).toEqual(value)
  })

  it('passes plain values through', () => {
    expect(redactSecrets('text')).toBe('text')
    expect(redactSecrets(null)).toBeNull()
    expect(redactSecrets([1, 'two'])).toEqual([1, 'two'])
  })
})
