import type { ServerResponse } from 'node:http'
import { fromJson, toBinary } from '@bufbuild/protobuf'
import { DurationSchema } from '@bufbuild/protobuf/wkt'
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire'

import { writeConnectError, type ErrorDetail } from './connect-error.js'
import type { Fault } from './faults.js'

type ErrorFault = Extract<Fault, { kind: 'error' }>

/** Answers a call with an injected Connect error, with the retry hints the API may send. */
export function replyWithError(res: ServerResponse, fault: ErrorFault): void {
  const headers: Record<string, string> = {}
  if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs)
  if (fault.rateLimitRetryAfter !== undefined) {
    headers['ratelimit-retryafter'] = String(fault.rateLimitRetryAfter)
  }

  writeConnectError(res, {
    code: fault.code,
    message: fault.message ?? `injected fault: ${fault.code}`,
    httpStatus: fault.httpStatus,
    headers,
    details: fault.retryInfoDelay === undefined ? undefined : [retryInfo(fault.retryInfoDelay)],
  })
}

/** Answers as a proxy in front of the API would: an HTML page, no Connect body. */
export function replyWithHtml(res: ServerResponse, status: number): void {
  const body = `<html><head><title>${status}</title></head><body><h1>${status}</h1></body></html>\n`
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

/** A google.rpc.RetryInfo detail: `retry_delay` (field 1) is a google.protobuf.Duration. */
function retryInfo(delay: string): ErrorDetail {
  const duration = toBinary(DurationSchema, fromJson(DurationSchema, delay))
  const value = new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(duration).finish()

  return {
    type: 'google.rpc.RetryInfo',
    value: Buffer.from(value).toString('base64').replace(/=+$/, ''),
    debug: { retryDelay: delay },
  }
}
