/**
 * `npm run emulator`: the Gitpod API emulator as a standalone server, for trying the action by
 * hand or from a demo in another process.
 */
import { parseArgs } from 'node:util'

import type { RecordedRequest } from './request-log.js'
import { startEmulator } from './server.js'

const USAGE = `usage: npm run emulator -- [--port <n>] [--token <token>] [--lifetime <seconds>]`

function describeCall(call: RecordedRequest): string {
  const time = call.at.slice(11, 23)
  const status = call.outcome === 'dropped' ? 'dropped' : String(call.httpStatus)
  const code = call.code ? ` ${call.code}` : ''
  const fault = call.fault ? ` [fault: ${call.fault.kind}]` : ''
  return `${time} ${call.method} ${status}${code} ${call.runnerId ?? '-'}${fault}`
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      lifetime: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return void console.log(USAGE)

  const port = Number(values.port)
  const lifetimeSeconds = values.lifetime === undefined ? undefined : Number(values.lifetime)
  if (
    !Number.isInteger(port) ||
    port < 0 ||
    !(lifetimeSeconds === undefined || lifetimeSeconds > 0)
  ) {
    console.error(USAGE)
    process.exitCode = 2
    return
  }

  const emulator = await startEmulator({
    port,
    token: values.token,
    lifetimeMs: lifetimeSeconds === undefined ? undefined : lifetimeSeconds * 1000,
    onCall: (call) => console.log(describeCall(call)),
  })

  console.log(
    [
      `Gitpod API emulator listening on ${emulator.url}`,
      `  token: ${emulator.token}`,
      `  registrations lapse after ${emulator.lifetimeMs} ms without a renewal`,
      `Point the action at it:`,
      `  with:`,
      `    api-url: ${emulator.url}`,
      `    token: ${emulator.token}`,
      `Inspect: ${emulator.url}/_emulator/registrations and ${emulator.url}/_emulator/requests`,
    ].join('\n'),
  )

  const stop = (signal: string) => {
    console.log(`${signal}: stopping the emulator`)
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`emulator: ${(error as Error).message}`)
  process.exit(1)
})
