import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ConnectProxyOptions {
  /** The one host name the proxy tunnels to, e.g. `gitpod.test`; it is never resolved. */
  host: string
  /** The emulator's port on 127.0.0.1: the only place any tunnel leads. */
  port: number
}

/** One request a client made to the proxy, tunnel or not. */
export interface ProxyRequest {
  /** `CONNECT` for a tunnel; anything else is a plain request, which is always refused. */
  method: string
  /** The CONNECT target (`host:port`) or the absolute URL of a plain request. */
  target: string
  accepted: boolean
}

/** One request seen inside an accepted tunnel (the calls are plain http, so readable). */
export interface TunnelledCall {
  method: string
  path: string
  /** The Host header the client sent, e.g. `gitpod.test:41234`. */
  host: string
}

export interface ConnectProxy {
  /** For HTTP_PROXY / HTTPS_PROXY, e.g. `http://127.0.0.1:40123`. */
  url: string
  /** Every request made to the proxy itself, in order, refused ones included. */
  requests(): ProxyRequest[]
  /** Every request carried by the tunnels, in the order the client sent them. */
  calls(): TunnelledCall[]
  close(): Promise<void>
}

// A request line and the headers up to the Host header, at the start of the stream or after the
// previous message. The action's bodies are JSON on one line, so they cannot hold such a line.
const REQUEST_HEAD =
  /(?:^|\r\n)([A-Z]+) (\/\S*) HTTP\/1\.[01]\r\n(?:[^\r\n]+\r\n)*?host: *([^\r\n]*)\r\n/gi

/**
 * A forward proxy on 127.0.0.1 that answers `CONNECT <host>:<port>` (how @actions/http-client goes
 * through a proxy, even for http targets) by piping the socket to 127.0.0.1:<port>. Every other
 * target, and every plain request, gets 403: nothing is ever forwarded anywhere else.
 */
export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const allowed = `${options.host}:${options.port}`.toLowerCase()
  const requests: ProxyRequest[] = []
  const streams: string[] = []
  const sockets = new Set<Socket>()

  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', target: req.url ?? '', accepted: false })
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' })
    res.end('this test proxy only tunnels with CONNECT\n')
  })

  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    const accepted = target.toLowerCase() === allowed
    requests.push({ method: 'CONNECT', target, accepted })
    if (!accepted) {
      client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }

    const index = streams.push('') - 1
    const record = (chunk: Buffer) => (streams[index] += chunk.toString('latin1'))
    const upstream = connect(options.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) {
        record(head)
        upstream.write(head)
      }
      client.on('data', record)
      client.pipe(upstream)
      upstream.pipe(client)
    })
    sockets.add(upstream)
    upstream.once('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
    client.once('close', () => upstream.destroy())
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests.map((request) => ({ ...request })),
    calls: () => streams.flatMap(callsIn),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        sockets.forEach((socket) => socket.destroy())
      }),
  }
}

function callsIn(stream: string): TunnelledCall[] {
  return [...stream.matchAll(REQUEST_HEAD)].map(([, method, path, host]) => ({
    method,
    path,
    host: host.trim(),
  }))
}
