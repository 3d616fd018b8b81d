import type { IncomingMessage, ServerResponse } from 'node:http'

import type { FaultQueue, FaultSpec } from './faults.js'
import type { RequestLog } from './request-log.js'
import type { RegistrationStore } from './store.js'

export const ADMIN_PREFIX = '/_emulator/'

export interface AdminState {
  store: RegistrationStore
  log: RequestLog
  faults: FaultQueue
  reset(): void
}

/**
 * The emulator's own endpoints, for tests and demos in another process. No token: they are only
 * served to loopback clients.
 */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  state: AdminState,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    return reply(res, 403, { error: 'the admin endpoints only answer loopback clients' })
  }

  const route = `${req.method} ${(req.url ?? '').split('?')[0]}`
  switch (route) {
    case `GET ${ADMIN_PREFIX}registrations`:
      return reply(res, 200, state.store.views(Date.now()))
    case `GET ${ADMIN_PREFIX}requests`:
      return reply(res, 200, state.log.entries())
    case `GET ${ADMIN_PREFIX}faults`:
      return reply(res, 200, state.faults.list())
    case `POST ${ADMIN_PREFIX}faults`:
      return addFaults(req, res, state.faults)
    case `POST ${ADMIN_PREFIX}reset`:
      state.reset()
      return reply(res, 200, {})
    default:
      return reply(res, 404, { error: `no admin endpoint ${route}` })
  }
}

async function addFaults(req: IncomingMessage, res: ServerResponse, faults: FaultQueue) {
  let specs: FaultSpec | FaultSpec[]
  try {
    specs = JSON.parse(await readText(req)) as FaultSpec | FaultSpec[]
    faults.add(specs)
  } catch (error) {
    return reply(res, 400, { error: (error as Error).message })
  }
  reply(res, 200, { pending: faults.list().length })
}

function isLoopback(address: string | undefined): boolean {
  return /^(127\.|::1$|::ffff:127\.)/.test(address ?? '')
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}
