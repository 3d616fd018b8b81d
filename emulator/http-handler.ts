import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'

import type { Call } from './call-context.js'
import { writeConnectError } from './connect-error.js'
import { replyWithError, replyWithHtml } from './fault-replies.js'
import type { FaultQueue } from './faults.js'
import type { RecordedRequest, RequestLog } from './request-log.js'

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void

export interface CallPipeline {
  token: string
  log: RequestLog
  faults: FaultQueue
  /** The Connect adapter; it finds the call's context through `calls`. */
  connect: NodeHandler
  calls: WeakMap<IncomingMessage, Call>
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * One API call, in the order a real deployment meets it: a fault injected "in front" of the API
 * first, then the bearer token, then the Connect layer's own checks and the handler.
 */
export async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  pipeline: CallPipeline,
): Promise<void> {
  const body = await readBody(req)
  const record = startRecord(req, body, pipeline.token)
  pipeline.log.add(record)
  res.on('close', () => {
    if (res.writableFinished) pipeline.log.finish(record, 'answered', res.statusCode)
    else pipeline.log.finish(record, 'dropped')
  })
  noteErrorCode(res, record)

  const call: Call = { record, socket: req.socket, dropAfter: false }
  const fault = pipeline.faults.take(record.method)
  if (fault) record.fault = fault

  switch (fault?.kind) {
    case 'drop-before':
      return void req.socket.destroy()
    case 'hang':
      if (fault.ms !== undefined) setTimeout(() => req.socket.destroy(), fault.ms).unref()
      return
    case 'html':
      return replyWithHtml(res, fault.status)
    case 'error':
      return replyWithError(res, fault)
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms).unref())
      if (res.destroyed) return
      break
    case 'drop-after':
      call.dropAfter = true
  }

  if (!record.authorized) {
    if (call.dropAfter) return void req.socket.destroy()
    const message = req.headers.authorization
      ? 'the bearer token is not valid'
      : 'missing Authorization header: send "Authorization: Bearer <token>"'
    return writeConnectError(res, { code: 'unauthenticated', message })
  }
  if (body.length > MAX_BODY_BYTES) {
    return writeConnectError(res, {
      code: 'resource_exhausted',
      message: 'request body over 1 MiB',
    })
  }

  replayBody(req, body)
  pipeline.calls.set(req, call)
  pipeline.connect(req, res)
}

function startRecord(req: IncomingMessage, body: Buffer, token: string): RecordedRequest {
  const path = (req.url ?? '').split('?')[0] ?? ''
  const atMs = Date.now()
  const contentType = req.headers['content-type']

  return {
    method: path.slice(path.lastIndexOf('/') + 1),
    path,
    at: new Date(atMs).toISOString(),
    atMs,
    outcome: 'pending',
    body: /json/i.test(contentType ?? '') ? parseJson(body) : undefined,
    headers: {
      userAgent: req.headers['user-agent'],
      contentType,
      connectProtocolVersion: header(req, 'connect-protocol-version'),
    },
    authorized: hasBearer(req.headers.authorization, token),
  }
}

function hasBearer(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The body, cut off one byte past the limit so an oversized one can be refused. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size > MAX_BODY_BYTES) continue
    chunks.push(chunk)
    size += chunk.length
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1)
}

/** The body was read for the log; the Connect adapter reads the request again through this. */
function replayBody(req: IncomingMessage, body: Buffer): void {
  Object.defineProperty(req, Symbol.asyncIterator, {
    value: async function* () {
      if (body.length > 0) yield body
    },
  })
}

/**
 * Error bodies are written in one chunk (by Connect with write(), by the emulator with end()):
 * note their code for the log.
 */
function noteErrorCode(res: ServerResponse, record: RecordedRequest): void {
  const note = (chunk: unknown) => {
    if (res.statusCode >= 400 && record.code === undefined) record.code = codeIn(chunk)
  }

  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    note(chunk)
    return write(chunk, ...rest)
  }) as ServerResponse['write']

  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    note(chunk)
    return end(chunk, ...rest)
  }) as ServerResponse['end']
}

function codeIn(chunk: unknown): string | undefined {
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return undefined
  const parsed = parseJson(Buffer.from(chunk)) as { code?: unknown } | undefined
  return typeof parsed?.code === 'string' ? parsed.code : undefined
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined
  const text = body.toString()
  try {
    return JSON.parse(text)
  } catch {
    return text.slice(0, 2000)
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}
