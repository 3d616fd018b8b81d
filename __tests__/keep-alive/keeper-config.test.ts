import { describe, expect, it } from '@jest/globals'

import { parseKeeperConfig, type KeeperConfig } from '../../src/keep-alive/keeper-config.js'

const TOKEN = 'gitpod_pat_never-print-me'

const valid: KeeperConfig = {
  apiUrl: 'http://127.0.0.1:9/api',
  token: TOKEN,
  runnerId: '0198c3a5-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  runnerName: 'gha-1234-1',
  renewal: 'mark-active',
  intervalMs: 10_000,
  lifetimeMs: 30_000,
  keepAliveTimeoutMs: 21_600_000,
  statusFile: '/tmp/runner/gitpod-runner-a/status.json',
  instance: 'a',
  lastRenewalAt: 1_796_400_000_000,
}

const parse = (fields: object) => () => parseKeeperConfig(JSON.stringify({ ...valid, ...fields }))

describe('parseKeeperConfig', () => {
  it('accepts a complete config', () => {
    expect(parseKeeperConfig(JSON.stringify(valid))).toEqual(valid)
  })

  it.each([
    [{ apiUrl: 'ftp://example.test' }, '"apiUrl" must be an http(s) URL'],
    [{ token: '' }, '"token" must be a non-empty string'],
    [{ token: undefined }, '"token" must be a non-empty string'],
    [{ runnerId: 42 }, '"runnerId" must be a non-empty string'],
    [{ renewal: 'none' }, '"renewal" must be one of mark-active, update-runner'],
    [{ intervalMs: 0 }, '"intervalMs" must be a positive number'],
    [{ lifetimeMs: '30000' }, '"lifetimeMs" must be a positive number'],
    [{ keepAliveTimeoutMs: -1 }, '"keepAliveTimeoutMs" must be a positive number'],
    [{ lastRenewalAt: null }, '"lastRenewalAt" must be a time in epoch milliseconds'],
    [{ instance: ' ' }, '"instance" must be a non-empty string'],
    [{ intervalMs: 40_000 }, 'intervalMs (40000) must not exceed lifetimeMs (30000)'],
    [{ renewal: 'update-runner', runnerName: '' }, '"runnerName" is needed'],
  ])('rejects %j', (fields, message) => {
    expect(parse(fields)).toThrow(message)
  })

  it('needs no runner name to renew with MarkRunnerActive', () => {
    expect(parse({ runnerName: '' })()).toMatchObject({ runnerName: '' })
  })

  it('never repeats the input in its errors, since it holds the token', () => {
    const broken = [
      `{"token":"${TOKEN}",`,
      JSON.stringify([TOKEN]),
      JSON.stringify({ ...valid, apiUrl: TOKEN }),
      JSON.stringify({ ...valid, renewal: TOKEN }),
    ]
    for (const text of broken) {
      expect(() => parseKeeperConfig(text)).toThrow(/^keeper config: /)
      expect(() => parseKeeperConfig(text)).not.toThrow(TOKEN)
    }
  })
})
