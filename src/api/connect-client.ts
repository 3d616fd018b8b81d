import { HttpClient, type HttpClientResponse } from '@actions/http-client'

import { USER_AGENT } from '../action-info.js'
import { codeFromHttpStatus, ConnectError, isConnectCode, type Delivery } from './connect-error.js'
import { serverRetryDelayMs } from './retry-after.js'

export interface ConnectClientOptions {
  /** The API base, e.g. https://app.gitpod.io/api; calls go to `{baseUrl}/{service}/{method}`. */
  baseUrl: string
  token: string
  /** Longest wait for one attempt, connect to last byte. */
  timeoutMs: number
  /** Epoch ms the whole step must end by: an attempt never waits past it. */
  deadline?: number
  /** Reuse connections between calls (the keeper); the caller must then `dispose()`. */
  keepAlive?: boolean
}

/** Errors that happen before a request leaves this machine: the server cannot have acted. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/**
 * A unary Connect call with a JSON body, through @actions/http-client so that the runner's
 * HTTP(S)_PROXY and NO_PROXY apply. One attempt per call: retries are the caller's policy.
 */
export class ConnectClient {
  private readonly http: HttpClient
  private readonly baseUrl: string

  constructor(private readonly options: ConnectClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.http = new HttpClient(USER_AGENT, [], {
      allowRetries: false,
      allowRedirects: false,
      keepAlive: options.keepAlive ?? false,
      socketTimeout: options.timeoutMs,
    })
  }

  async call<Response>(service: string, method: string, body: object): Promise<Response> {
    const url = `${this.baseUrl}/${service}/${method}`
    const headers = {
      'Content-Type': 'application/json',
      'Connect-Protocol-Version': '1',
      Authorization: `Bearer ${this.options.token}`,
    }

    const { timeoutMs, deadline: stepDeadline } = this.options
    const limit = Math.max(1, Math.min(timeoutMs, (stepDeadline ?? Infinity) - Date.now()))
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timeoutError(method, limit)), limit)
    })

    try {
      return await Promise.race([this.send<Response>(method, url, body, headers), deadline])
    } finally {
      clearTimeout(timer)
    }
  }

  dispose(): void {
    this.http.dispose()
  }

  private async send<Response>(
    method: string,
    url: string,
    body: object,
    headers: Record<string, string>,
  ): Promise<Response> {
    let response: HttpClientResponse
    let text: string
    try {
      response = await this.http.post(url, JSON.stringify(body), headers)
      text = await response.readBody()
    } catch (error) {
      throw networkError(method, error)
    }

    const status = response.message.statusCode ?? 0
    if (status === 200) return parseSuccess<Response>(method, text)
    throw parseFailure(method, response, status, text)
  }
}

function parseSuccess<Response>(method: string, text: string): Response {
  try {
    return (text ? JSON.parse(text) : {}) as Response
  } catch {
    // The server acted, but what it said is unreadable: treat it as an unanswered request.
    throw new ConnectError(
      method,
      'internal',
      'the API answered with a body that is not JSON',
      'maybe',
      200,
    )
  }
}

function parseFailure(
  method: string,
  response: HttpClientResponse,
  status: number,
  text: string,
): ConnectError {
  const headers = response.message.headers
  const body = parseJson(text)
  const delay = serverRetryDelayMs(headers, body?.details)

  if (body && isConnectCode(body.code)) {
    const message = typeof body.message === 'string' ? oneLine(body.message) : ''
    const delivery: Delivery = body.code === 'deadline_exceeded' ? 'maybe' : 'yes'
    return new ConnectError(method, body.code, message, delivery, status, delay)
  }

  // Not a Connect answer: a proxy's or load balancer's page. A gateway error may hide a server
  // that acted, so a 5xx counts as an unanswered request.
  const kind = String(headers['content-type'] ?? 'no content type').split(';')[0]
  const detail = `HTTP ${status} with a non-Connect body (${kind})`
  const delivery: Delivery = status >= 500 ? 'maybe' : 'yes'
  return new ConnectError(method, codeFromHttpStatus(status), detail, delivery, status, delay)
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function networkError(method: string, error: unknown): ConnectError {
  const { code = '', hostname } = (error ?? {}) as NodeJS.ErrnoException & { hostname?: string }
  const message = error instanceof Error ? error.message : String(error)
  if (message.startsWith('Request timeout')) return timeoutError(method)
  if (NOT_SENT.has(code)) {
    const where = hostname ? ` (${hostname})` : ''
    const detail = `${code}${where}: the request never left this machine; check \`api-url\` and HTTPS_PROXY/NO_PROXY`
    return new ConnectError(method, 'unavailable', detail, 'no', undefined, undefined, false)
  }
  return new ConnectError(method, 'unavailable', oneLine(code || message), 'maybe')
}

function timeoutError(method: string, timeoutMs?: number): ConnectError {
  const after = timeoutMs ? ` after ${Math.round(timeoutMs / 100) / 10} s` : ''
  return new ConnectError(method, 'deadline_exceeded', `no answer${after}`, 'maybe')
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat
}
