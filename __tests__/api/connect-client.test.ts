import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { ACTION_VERSION } from '../../src/action-info.js'
import { ConnectError } from '../../src/api/connect-error.js'
import { RunnerService } from '../../src/api/runner-service.js'

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void

let server: Server
let handler: Handler
let baseUrl: string

beforeEach(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => handler(req, body, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

function service(timeoutMs = 2000): RunnerService {
  return new RunnerService({ baseUrl: `${baseUrl}/`, token: 'pat-123', timeoutMs })
}

async function failure(promise: Promise<unknown>): Promise<ConnectError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectError)
  return error as ConnectError
}

describe('ConnectClient', () => {
  it('POSTs JSON with the Connect headers, bearer token and user agent', async () => {
    let seen: { url?: string; method?: string; headers: IncomingMessage['headers']; body: string }
    handler = (req, body, res) => {
      seen = { url: req.url, method: req.method, headers: req.headers, body }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"runner":{"runnerId":"r1"}}')
    }

    const runner = await service().getRunner('r1')

    expect(runner).toEqual({ runnerId: 'r1' })
    expect(seen!.url).toBe('/api/gitpod.v1.RunnerService/GetRunner')
    expect(seen!.method).toBe('POST')
    expect(seen!.headers['content-type']).toBe('application/json')
    expect(seen!.headers['connect-protocol-version']).toBe('1')
    expect(seen!.headers['authorization']).toBe('Bearer pat-123')
    expect(seen!.headers['user-agent']).toContain(`gitpod-runner-action/${ACTION_VERSION}`)
    expect(JSON.parse(seen!.body)).toEqual({ runnerId: 'r1' })
  })

  it('turns a Connect error into one line with the call, code and advice', async () => {
    handler = (_req, _body, res) =>
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"code":"unauthenticated","message":"token expired"}')

    const error = await failure(service().createRunner({ name: 'x' }))

    expect(error.code).toBe('unauthenticated')
    expect(error.delivery).toBe('yes')
    expect(error.message).toMatch(
      /^CreateRunner failed with unauthenticated: token expired \(check the `token` input/,
    )
    expect(error.message).not.toContain('\n')
  })

  it('gives permission_denied advice about runner admin rights', async () => {
    handler = (_req, _body, res) =>
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"code":"permission_denied"}')

    const error = await failure(service().deleteRunner('r1'))

    expect(error.message).toContain('DeleteRunner failed with permission_denied')
    expect(error.message).toContain('runner admin rights')
  })

  it('survives a proxy HTML error page and reads its status', async () => {
    handler = (_req, _body, res) =>
      res
        .writeHead(502, { 'content-type': 'text/html' })
        .end('<html><body>Bad gateway</body></html>')

    const error = await failure(service().createRunner({ name: 'x' }))

    expect(error.code).toBe('unavailable')
    expect(error.delivery).toBe('maybe')
    expect(error.message).toContain('HTTP 502 with a non-Connect body (text/html)')
    expect(error.message).not.toContain('<html>')
  })

  it('reads Retry-After in seconds and as a RetryInfo detail', async () => {
    handler = (_req, _body, res) =>
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' })
        .end('{"code":"resource_exhausted"}')
    expect((await failure(service().getRunner('r'))).retryAfterMs).toBe(3000)

    // RetryInfo { retry_delay: Duration { seconds: 2, nanos: 500000000 } }
    const value = Buffer.from([0x0a, 0x07, 0x08, 0x02, 0x10, 0x80, 0xca, 0xb5, 0xee, 0x01])
    handler = (_req, _body, res) =>
      res.writeHead(429, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          code: 'resource_exhausted',
          details: [{ type: 'google.rpc.RetryInfo', value: value.toString('base64') }],
        }),
      )
    expect((await failure(service().getRunner('r'))).retryAfterMs).toBe(2500)
  })

  it('marks a connection refused as never sent, and a dropped connection as maybe', async () => {
    handler = (req) => req.socket.destroy()
    const dropped = await failure(service().createRunner({ name: 'x' }))
    expect(dropped.code).toBe('unavailable')
    expect(dropped.delivery).toBe('maybe')

    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    const refused = await failure(service().createRunner({ name: 'x' }))
    expect(refused.delivery).toBe('no')
    server.listen(0, '127.0.0.1')
  })

  it('times out an attempt that gets no answer', async () => {
    handler = () => undefined
    const started = Date.now()

    const error = await failure(service(300).getRunner('r'))

    expect(error.code).toBe('deadline_exceeded')
    expect(error.delivery).toBe('maybe')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('walks every page of ListRunners, with the token in the body', async () => {
    const bodies: unknown[] = []
    handler = (_req, body, res) => {
      const request = JSON.parse(body) as { pagination: { token?: string } }
      bodies.push(request)
      const page = Number(request.pagination.token ?? '0')
      const next = page < 2 ? String(page + 1) : ''
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ runners: [{ runnerId: `r${page}` }], pagination: { nextToken: next } }),
        )
    }

    const runners = await service().listRunners()

    expect(runners.map((r) => r.runnerId)).toEqual(['r0', 'r1', 'r2'])
    expect(bodies).toEqual([
      { pagination: { pageSize: 100 } },
      { pagination: { pageSize: 100, token: '1' } },
      { pagination: { pageSize: 100, token: '2' } },
    ])
  })

  it('never sends force on DeleteRunner', async () => {
    let body = ''
    handler = (_req, b, res) => {
      body = b
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    }
    await service().deleteRunner('r1')
    expect(JSON.parse(body)).toEqual({ runnerId: 'r1' })
  })
})
