import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createContextValues } from '@connectrpc/connect'
import { connectNodeAdapter } from '@connectrpc/connect-node'

import { REGISTRATION_LIFETIME_MS, scaled } from '../src/time-scale.js'
import { ADMIN_PREFIX, handleAdmin } from './admin.js'
import { callKey, recordingInterceptor, type Call } from './call-context.js'
import { FaultQueue } from './faults.js'
import { handleCall } from './http-handler.js'
import { newEmulatorToken } from './identities.js'
import { RequestLog, type RecordedRequest } from './request-log.js'
import { emulatorRoutes } from './routes.js'
import { RegistrationStore, type RegistrationView } from './store.js'
import type { TimelineEvent } from './lifecycle.js'

export type { Fault, FaultMethod, FaultSpec } from './faults.js'
export type { FaultQueue } from './faults.js'
export type { RecordedRequest } from './request-log.js'
export type { RegistrationView } from './store.js'
export type { RenewalCall, TimelineEvent } from './lifecycle.js'

export interface EmulatorOptions {
  /** A loopback address; default 127.0.0.1. */
  host?: string
  /** Default 0: a free port. */
  port?: number
  /** The only bearer token accepted; default a random `gitpod_pat_emu_…`. */
  token?: string
  /** How long a registration lives without a renewal; default 30 s times the time scale. */
  lifetimeMs?: number
  /** Whether CreateRunner/CreateRunnerToken return the deprecated access token; default true. */
  returnAccessToken?: boolean
  /** Called once per API call when it is over (answered or dropped), e.g. to print it. */
  onCall?: (request: RecordedRequest) => void
}

export interface Emulator {
  /** The action's `api-url`: calls go to `${url}/gitpod.v1.RunnerService/CreateRunner`. */
  url: string
  token: string
  lifetimeMs: number
  /** Stops the server and closes every open connection, hung ones included. Idempotent. */
  close(): Promise<void>
  /** Every registration, deleted ones included, with lapses found up to now. */
  registrations(): RegistrationView[]
  /** The events of one registration; throws for a runner id the emulator never issued. */
  timeline(runnerId: string): TimelineEvent[]
  requests(): RecordedRequest[]
  /** Every exchange and access token issued so far, answered or not: what must never leak. */
  credentials(): string[]
  faults: FaultQueue
  /** Forgets registrations, recorded requests, issued credentials and pending faults. */
  reset(): void
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1'
  if (!/^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host)) {
    throw new Error(`the emulator only listens on loopback addresses, not ${host}`)
  }

  const token = options.token ?? newEmulatorToken()
  const lifetimeMs = options.lifetimeMs ?? scaled(REGISTRATION_LIFETIME_MS)
  const store = new RegistrationStore(lifetimeMs)
  const log = new RequestLog(20_000, options.onCall)
  const faults = new FaultQueue()
  const issuedCredentials: string[] = []
  const reset = () => {
    store.clear()
    log.clear()
    faults.clear()
    issuedCredentials.length = 0
  }

  const calls = new WeakMap<IncomingMessage, Call>()
  const connect = connectNodeAdapter({
    routes: emulatorRoutes(store, {
      returnAccessToken: options.returnAccessToken ?? true,
      issuedCredentials,
    }),
    interceptors: [recordingInterceptor],
    jsonOptions: { ignoreUnknownFields: false },
    requireConnectProtocolHeader: true,
    contextValues: (req) => createContextValues().set(callKey, calls.get(req as IncomingMessage)),
  })

  const server = createServer((req, res) => {
    const admin = (req.url ?? '').startsWith(ADMIN_PREFIX)
    const handled = admin
      ? handleAdmin(req, res, { store, log, faults, reset })
      : handleCall(req, res, { token, log, faults, connect, calls })
    handled.catch((error: unknown) => {
      console.error(`emulator: ${req.method} ${req.url} failed: ${(error as Error).message}`)
      res.destroy()
    })
  })

  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host

  let closing: Promise<void> | undefined
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      sockets.forEach((socket) => socket.destroy())
    })

  return {
    url: `http://${urlHost}:${port}`,
    token,
    lifetimeMs,
    close: () => (closing ??= close()),
    registrations: () => store.views(Date.now()),
    timeline: (runnerId) => store.timeline(runnerId, Date.now()),
    requests: () => log.entries(),
    credentials: () => [...issuedCredentials],
    faults,
    reset,
  }
}
