import { afterEach, describe, expect, it } from '@jest/globals'
import { request } from 'node:http'

import type { Emulator } from '../../emulator/server.js'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { jobWithEmulator, sleep, type JobWithEmulator } from './job-with-emulator.js'

/**
 * The emulator under a made-up name, since @actions/http-client never proxies loopback addresses.
 * `.test` is reserved (RFC 2606): a direct connection fails at the DNS lookup and reaches no one,
 * so any call the emulator sees came through the proxy.
 */
const MADE_UP_HOST = 'gitpod.test'
/** How the direct connection fails: no such name (or, on a machine without DNS, no answer). */
const UNRESOLVED = 'ENOTFOUND|EAI_AGAIN'

let setup: JobWithEmulator | undefined
let proxy: ConnectProxy | undefined
afterEach(async () => {
  await setup?.close()
  await proxy?.close()
  setup = proxy = undefined
})

/** A job, its emulator, and a proxy that tunnels only to that emulator. */
async function jobBehindProxy() {
  setup = await jobWithEmulator()
  const port = Number(new URL(setup.emulator.url).port)
  proxy = await startConnectProxy({ host: MADE_UP_HOST, port })

  const apiUrl = `http://${MADE_UP_HOST}:${port}`
  const inputs = { ...setup.inputs, 'api-url': apiUrl, provider: 'aws-ec2' }
  return { ...setup, proxy, inputs, apiUrl }
}

/** Waits (bounded) until the keeper has renewed `count` times after main's first renewal. */
async function keeperRenewals(emulator: Emulator, count: number): Promise<void> {
  const renewals = () => emulator.requests().filter((r) => r.method === 'MarkRunnerActive')
  for (let waited = 0; renewals().length < count + 1 && waited < 10_000; waited += 50) {
    await sleep(50)
  }
}

const methodOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const errorsOf = (step: { annotations: { level: string; message: string }[] }) =>
  step.annotations.filter((a) => a.level === 'error').map((a) => a.message)
const warningsOf = (step: { annotations: { level: string; message: string }[] }) =>
  step.annotations.filter((a) => a.level === 'warning').map((a) => a.message)

describe('a job behind an HTTP proxy', () => {
  // The lower-case names win over the upper-case ones in @actions/http-client; the harness's
  // safety net still sets HTTP_PROXY, so the lower-case case also shows that it is not used.
  it.each([
    ['HTTP_PROXY and NO_PROXY', 'HTTP_PROXY', 'NO_PROXY'],
    ['http_proxy and no_proxy', 'http_proxy', 'no_proxy'],
  ])('sends every call of main, keeper and post through it (%s)', async (_, proxyName, noName) => {
    const { emulator, job, proxy, inputs } = await jobBehindProxy()
    // Entries that only look alike: matching is by whole name or dot-separated suffix.
    const env = { [proxyName]: proxy.url, [noName]: 'pod.test,gitpod.testing,localhost' }

    const main = await job.runMain(inputs, { env })
    await keeperRenewals(emulator, 2)
    const post = await job.runPost(main)

    expect(main.failed).toBe(false)
    expect(post.failed).toBe(false)
    expect(emulator.registrations()[0].deleted).toBe(true)

    const seen = emulator.requests().map((r) => r.method)
    const tunnelled = proxy.calls()
    expect(tunnelled.map((call) => methodOf(call.path))).toEqual(seen)
    expect(seen[0]).toBe('CreateRunner')
    expect(seen.at(-1)).toBe('DeleteRunner')
    expect(new Set(tunnelled.map((call) => call.host))).toEqual(
      new Set([inputs['api-url'].slice(7)]),
    )
    expect(proxy.requests().every((r) => r.method === 'CONNECT' && r.accepted)).toBe(true)

    // Main renews once itself; every other renewal was the keeper's, and went through the proxy.
    const reported = /Renewals: (\d+) \(the main step's first and (\d+) by the keeper\)/.exec(
      post.log,
    )
    const renewals = seen.filter((method) => method === 'MarkRunnerActive').length
    expect(Number(reported?.[2])).toBeGreaterThanOrEqual(2)
    expect(renewals).toBe(Number(reported?.[1]))
  })
})

describe('hosts the proxy is bypassed for', () => {
  it('NO_PROXY=.test: main connects directly, fails to resolve the name, and says so', async () => {
    const { emulator, job, proxy, inputs } = await jobBehindProxy()
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '.test' }

    const main = await job.runMain(inputs, { env })
    const post = await job.runPost(main)

    expect(main.failed).toBe(true)
    expect(errorsOf(main)).toEqual([
      expect.stringMatching(new RegExp(`^CreateRunner failed with unavailable: .*(${UNRESOLVED})`)),
    ])
    // Whatever the post step still tries (a lookup of the runner) goes direct too.
    expect(post.failed).toBe(false)
    expect(proxy.requests()).toEqual([])
    expect(emulator.requests()).toEqual([])
  })

  it('NO_PROXY=gitpod.test in the post step only: the delete goes direct and fails', async () => {
    const { emulator, job, proxy, inputs } = await jobBehindProxy()
    const env = { HTTP_PROXY: proxy.url }

    const main = await job.runMain(inputs, { env })
    const post = await job.runPost(main, { env: { NO_PROXY: MADE_UP_HOST } })

    expect(main.failed).toBe(false)
    const runnerId = main.outputs['runner-id']
    expect(warningsOf(post)).toEqual([
      expect.stringMatching(
        new RegExp(`^Could not delete runner ${runnerId}: DeleteRunner failed .*(${UNRESOLVED})`),
      ),
    ])
    expect(post.log).toMatch(/stopped by the post step/)
    expect(job.processes()).toEqual([])
    expect(emulator.registrations()[0].deleted).toBe(false)
    expect(proxy.calls().map((call) => methodOf(call.path))).not.toContain('DeleteRunner')
    expect(emulator.requests().map((r) => r.method)).not.toContain('DeleteRunner')
  })
})

describe('which variable applies to which target', () => {
  it('HTTPS_PROXY alone does not apply to an http api-url: the call goes direct', async () => {
    const { emulator, job, proxy, inputs } = await jobBehindProxy()
    const env = { HTTP_PROXY: '', HTTPS_PROXY: proxy.url }

    const main = await job.runMain(inputs, { env })

    expect(main.failed).toBe(true)
    const unresolved = new RegExp(`^CreateRunner failed .*(${UNRESOLVED})`)
    expect(errorsOf(main)).toEqual([expect.stringMatching(unresolved)])
    expect(proxy.requests()).toEqual([])
    expect(emulator.requests()).toEqual([])
  })

  it('HTTPS_PROXY alone does apply to an https api-url (the real API is https)', async () => {
    const { job, proxy, inputs, apiUrl } = await jobBehindProxy()
    const env = { HTTP_PROXY: '', HTTPS_PROXY: proxy.url }

    // The emulator speaks plain http, so the TLS handshake inside the tunnel fails; the tunnel
    // the proxy opened is the evidence.
    const https = apiUrl.replace(/^http:/, 'https:')
    const main = await job.runMain({ ...inputs, 'api-url': https }, { env, timeoutMs: 30_000 })

    expect(main.failed).toBe(true)
    expect(proxy.requests()[0]).toEqual({
      method: 'CONNECT',
      target: https.slice(8),
      accepted: true,
    })
  })
})

describe('the test proxy itself', () => {
  it('refuses every target but the emulator, and every plain request', async () => {
    proxy = await startConnectProxy({ host: MADE_UP_HOST, port: 9 })

    const statuses = await Promise.all([
      askProxy(proxy.url, 'CONNECT', `${MADE_UP_HOST}:10`),
      askProxy(proxy.url, 'CONNECT', '127.0.0.1:9'),
      askProxy(proxy.url, 'GET', `http://${MADE_UP_HOST}:9/`),
    ])

    expect(statuses).toEqual([403, 403, 403])
    expect(proxy.requests().map((r) => r.accepted)).toEqual([false, false, false])
  })
})

/** One request to the proxy, answered by the proxy alone: every target here is refused. */
function askProxy(proxyUrl: string, method: string, target: string): Promise<number> {
  const { hostname, port } = new URL(proxyUrl)
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path: target })
    req.once('connect', (response, socket) => {
      socket.destroy()
      resolve(response.statusCode ?? 0)
    })
    req.once('response', (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    req.once('error', reject)
    req.end()
  })
}
