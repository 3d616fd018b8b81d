import type { ServerResponse } from 'node:http'

/** Connect error code -> HTTP status, as the current Connect protocol maps them. */
export const HTTP_STATUS_OF_CODE: Readonly<Record<string, number>> = {
  canceled: 499,
  unknown: 500,
  invalid_argument: 400,
  deadline_exceeded: 504,
  not_found: 404,
  already_exists: 409,
  permission_denied: 403,
  resource_exhausted: 429,
  failed_precondition: 400,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
  unauthenticated: 401,
}

export interface ErrorDetail {
  type: string
  value: string
  debug?: unknown
}

export interface ConnectErrorReply {
  code: string
  message?: string
  httpStatus?: number
  headers?: Record<string, string>
  details?: ErrorDetail[]
}

/** Writes a unary Connect error the way a Connect server does: JSON body, mapped status. */
export function writeConnectError(res: ServerResponse, reply: ConnectErrorReply): void {
  const { code, message, details } = reply
  const body = JSON.stringify({ code, ...(message && { message }), ...(details && { details }) })

  res.writeHead(reply.httpStatus ?? HTTP_STATUS_OF_CODE[code] ?? 500, {
    ...reply.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}
