import type { FaultMethod } from './faults.js'

type Method = Exclude<FaultMethod, '*'>

const SERVICE_OF: Record<Method, string> = {
  CreateRunner: 'RunnerService',
  GetRunner: 'RunnerService',
  ListRunners: 'RunnerService',
  UpdateRunner: 'RunnerService',
  DeleteRunner: 'RunnerService',
  CreateRunnerToken: 'RunnerService',
  MarkRunnerActive: 'RunnerInteractionService',
  GetAuthenticatedIdentity: 'IdentityService',
}

/** The path of a call under the api-url, e.g. `/gitpod.v1.RunnerService/CreateRunner`. */
export function rpcPath(method: Method): string {
  return `/gitpod.v1.${SERVICE_OF[method]}/${method}`
}

export interface RawCallOptions {
  /** The bearer token; `null` sends no Authorization header. Default: the emulator's token. */
  token?: string | null
  /** Extra or replacement headers; a header set to `null` is left out. */
  headers?: Record<string, string | null>
  /** Sent as is instead of `JSON.stringify(body)`. */
  rawBody?: string
}

export interface RawReply {
  status: number
  headers: Headers
  text: string
  /** The body parsed as JSON, or undefined if it is not JSON. */
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read it freely
}

/**
 * One Connect/JSON call with plain fetch, as the action's client makes it, for tests and demos
 * that need to send what a typed client would refuse to.
 */
export async function rawCall(
  emulator: { url: string; token: string },
  method: Method,
  body: unknown = {},
  options: RawCallOptions = {},
): Promise<RawReply> {
  const token = options.token === undefined ? emulator.token : options.token
  const headers: Record<string, string | null> = {
    'content-type': 'application/json',
    'connect-protocol-version': '1',
    ...(token !== null && { authorization: `Bearer ${token}` }),
    ...options.headers,
  }
  const sent = Object.entries(headers).filter((entry): entry is [string, string] => !!entry[1])

  const response = await fetch(emulator.url + rpcPath(method), {
    method: 'POST',
    headers: sent,
    body: options.rawBody ?? JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: parseJson(text) }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
