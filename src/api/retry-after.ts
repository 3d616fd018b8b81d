import type { IncomingHttpHeaders } from 'node:http'

/** The longest server-requested delay honoured; past it the usual backoff applies. */
export const MAX_SERVER_DELAY_MS = 60_000

/**
 * The delay a server asked for before a retry: `retry-after-ms`, `Retry-After` (seconds or an
 * HTTP date), `RateLimit-RetryAfter` (seconds), or a `google.rpc.RetryInfo` error detail, the way
 * the official SDKs and Terraform provider read them (gitpod-api.md 3.4, 5).
 */
export function serverRetryDelayMs(
  headers: IncomingHttpHeaders,
  details: unknown,
  now = Date.now(),
): number | undefined {
  const candidates = [
    seconds(header(headers, 'retry-after-ms'), 1),
    retryAfter(header(headers, 'retry-after'), now),
    seconds(header(headers, 'ratelimit-retryafter'), 1000),
    retryInfoDelay(details),
  ]
  const found = candidates.find((ms) => ms !== undefined && ms >= 0 && ms <= MAX_SERVER_DELAY_MS)
  return found
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function seconds(raw: string | undefined, unitMs: number): number | undefined {
  if (raw === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return undefined
  return Math.round(Number(raw) * unitMs)
}

function retryAfter(raw: string | undefined, now: number): number | undefined {
  if (raw === undefined) return undefined
  const asSeconds = seconds(raw, 1000)
  if (asSeconds !== undefined) return asSeconds
  const date = Date.parse(raw)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** A RetryInfo detail: `debug.retryDelay` ("1.5s") when present, else the binary value. */
function retryInfoDelay(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined
  for (const detail of details as { type?: unknown; value?: unknown; debug?: unknown }[]) {
    if (detail?.type !== 'google.rpc.RetryInfo') continue
    const debug = detail.debug as { retryDelay?: unknown } | undefined
    if (typeof debug?.retryDelay === 'string') {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(debug.retryDelay)
      if (match) return Math.round(Number(match[1]) * 1000)
    }
    if (typeof detail.value === 'string') return decodeRetryInfo(detail.value)
  }
  return undefined
}

/** RetryInfo { Duration retry_delay = 1 } with Duration { int64 seconds = 1; int32 nanos = 2 }. */
function decodeRetryInfo(base64: string): number | undefined {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes[0] !== 0x0a) return undefined
  const [length, start] = varint(bytes, 1)
  let seconds = 0
  let nanos = 0
  let at = start
  while (at < start + length) {
    const tag = bytes[at]
    const [value, next] = varint(bytes, at + 1)
    if (tag === 0x08) seconds = value
    else if (tag === 0x10) nanos = value
    else return undefined
    at = next
  }
  return Math.round(seconds * 1000 + nanos / 1e6)
}

function varint(bytes: Buffer, start: number): [number, number] {
  let value = 0
  let shift = 0
  let at = start
  while (at < bytes.length) {
    const byte = bytes[at++]
    value += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) break
    shift += 7
  }
  return [value, at]
}
