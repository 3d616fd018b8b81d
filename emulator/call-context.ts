import type { Socket } from 'node:net'
import { toJson } from '@bufbuild/protobuf'
import { createContextKey, type Interceptor } from '@connectrpc/connect'

import type { RecordedRequest } from './request-log.js'

/** What the HTTP layer hands to the Connect handlers about one call. */
export interface Call {
  record: RecordedRequest
  socket: Socket
  /** Set by a drop-after fault: act on the call, then close the connection unanswered. */
  dropAfter: boolean
}

export const callKey = createContextKey<Call | undefined>(undefined, { description: 'call' })

/** Whether the JSON request body carried `field` at all, even with its zero value. */
export function bodyHas(call: Call | undefined, field: string): boolean {
  const body = call?.record.body
  return typeof body === 'object' && body !== null && field in body
}

/**
 * Completes the call's record with what only the parsed messages show (the runner, a binary body)
 * and carries out a drop-after fault once the call has taken effect.
 */
export const recordingInterceptor: Interceptor = (next) => async (request) => {
  const call = request.contextValues.get(callKey)
  if (call && !request.stream) {
    call.record.body ??= toJson(request.method.input, request.message)
    call.record.runnerId ??= runnerIdOf(request.message)
  }

  try {
    const response = await next(request)
    if (call && !response.stream) call.record.runnerId ??= runnerIdOf(response.message)
    return response
  } finally {
    if (call?.dropAfter) call.socket.destroy()
  }
}

function runnerIdOf(message: unknown): string | undefined {
  const fields = message as { runnerId?: unknown; runner?: { runnerId?: unknown } }
  const runnerId = fields.runnerId ?? fields.runner?.runnerId
  return typeof runnerId === 'string' && runnerId ? runnerId : undefined
}
