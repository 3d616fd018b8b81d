import type { Fault } from './faults.js'

export interface RecordedHeaders {
  userAgent?: string
  contentType?: string
  connectProtocolVersion?: string
}

/** One call as the emulator saw it. The token is never stored, only whether it was right. */
export interface RecordedRequest {
  /** The RPC method name, e.g. `CreateRunner`. */
  method: string
  path: string
  at: string
  atMs: number
  /** `answered`: a full response was sent; `dropped`: the connection ended without one. */
  outcome: 'pending' | 'answered' | 'dropped'
  durationMs?: number
  httpStatus?: number
  /** The Connect error code, when the call failed with one. */
  code?: string
  /** The runner the call was about: from the request, or the one CreateRunner made. */
  runnerId?: string
  /** The request body as parsed JSON (text if it was not JSON; decoded if it was binary). */
  body?: unknown
  headers: RecordedHeaders
  authorized: boolean
  fault?: Fault
}

/** The most recent calls, bounded so a long benchmark cannot grow the emulator without limit. */
export class RequestLog {
  private records: RecordedRequest[] = []

  constructor(
    private readonly limit = 20_000,
    private readonly onFinish?: (record: RecordedRequest) => void,
  ) {}

  add(record: RecordedRequest): void {
    this.records.push(record)
    if (this.records.length > this.limit) this.records.shift()
  }

  finish(record: RecordedRequest, outcome: 'answered' | 'dropped', httpStatus?: number): void {
    record.outcome = outcome
    record.durationMs = Date.now() - record.atMs
    if (httpStatus !== undefined) record.httpStatus = httpStatus
    this.onFinish?.(record)
  }

  entries(): RecordedRequest[] {
    return this.records.map((record) => ({ ...record }))
  }

  clear(): void {
    this.records = []
  }
}
