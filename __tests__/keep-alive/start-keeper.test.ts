import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { keeperEnvironment, startKeeper } from '../../src/keep-alive/start-keeper.js'

describe('keeperEnvironment', () => {
  it('passes on only what node, proxies and the job-end sweep need', () => {
    const env = keeperEnvironment({
      PATH: '/usr/bin',
      Path: 'C:\\Windows',
      HOME: '/home/runner',
      RUNNER_TEMP: '/tmp/runner',
      RUNNER_TRACKING_ID: 'github_1234',
      https_proxy: 'http://proxy.test:3128',
      NO_PROXY: '.test',
      NODE_EXTRA_CA_CERTS: '/etc/ca.pem',
      GITPOD_RUNNER_ACTION_TIME_SCALE: '0.05',
      INPUT_TOKEN: 'secret',
      'INPUT_API-URL': 'http://127.0.0.1:1',
      STATE_keeper: '{}',
      ONA_API_KEY: 'secret',
      GITPOD_API_KEY: 'secret',
      GITHUB_TOKEN: 'secret',
      NODE_OPTIONS: '--require /tmp/hook.js',
      AWS_SECRET_ACCESS_KEY: 'secret',
    })

    expect(Object.keys(env).sort()).toEqual([
      'GITPOD_RUNNER_ACTION_TIME_SCALE',
      'HOME',
      'NODE_EXTRA_CA_CERTS',
      'NO_PROXY',
      'PATH',
      'Path',
      'RUNNER_TEMP',
      'RUNNER_TRACKING_ID',
      'https_proxy',
    ])
  })
})

describe('startKeeper', () => {
  let runnerTemp: string
  beforeEach(() => {
    runnerTemp = mkdtempSync(join(tmpdir(), 'start-keeper-'))
  })
  afterEach(() => rmSync(runnerTemp, { recursive: true, force: true }))

  it('refuses a bad config in the main step, before starting anything', () => {
    const config = {
      apiUrl: 'http://127.0.0.1:9',
      token: 'gitpod_pat_never-print-me',
      runnerId: 'runner-1',
      runnerName: 'gha-1',
      renewal: 'mark-active' as const,
      intervalMs: 10_000,
      lifetimeMs: 30_000,
      keepAliveTimeoutMs: 60_000,
      instance: '',
      lastRenewalAt: Date.now(),
    }
    const start = () => startKeeper(config, { keeperScript: '/nonexistent.js', runnerTemp })

    expect(start).toThrow('"instance" must be a non-empty string')
    expect(start).not.toThrow(config.token)
    expect(readdirSync(runnerTemp)).toEqual([])
  })
})
