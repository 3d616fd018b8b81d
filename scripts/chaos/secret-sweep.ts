import type { Emulator } from '../../emulator/server.js'
import { findSecrets } from '../../harness/find-secrets.js'
import type { Job } from '../../harness/github-runner.js'
import type { StepResult } from '../../harness/types.js'
import { filesUnder, procText } from './processes.js'

/**
 * Where the secrets of one lifecycle must not be: the API token and every exchange or access
 * token the emulator issued, raw or encoded, anywhere but the two token outputs.
 */
export interface Leak {
  secret: 'API token' | 'exchange or access token'
  where: string
}

export interface Secret {
  name: Leak['secret']
  value: string
}

export function secretsOf(emulator: Emulator): Secret[] {
  return [
    { name: 'API token', value: emulator.token },
    ...emulator
      .credentials()
      .map((value) => ({ name: 'exchange or access token' as const, value })),
  ]
}

/** The token outputs carry a token on purpose; nothing else a step shows or saves may. */
export function sweepStep(step: string, result: StepResult, secrets: Secret[]): Leak[] {
  const outputs = Object.entries(result.outputs)
    .filter(([name]) => name !== 'exchange-token' && name !== 'access-token')
    .map(([name, value]) => [`${step} output ${name}`, value] as const)
  const state = Object.entries(result.state).map(([n, v]) => [`${step} state ${n}`, v] as const)

  return [
    ...leaksIn(`${step} log and summary`, result, secrets),
    ...[...outputs, ...state].flatMap(([where, text]) => leaksIn(where, text, secrets)),
  ]
}

/** The keeper gets the token on stdin: never on its command line or in its environment. */
export function sweepProcess(pid: number, secrets: Secret[]): Leak[] {
  return [
    ...leaksIn(`keeper ${pid} command line`, procText(pid, 'cmdline'), secrets),
    ...leaksIn(`keeper ${pid} environment`, procText(pid, 'environ'), secrets),
  ]
}

/** Every file the job left (the outputs file holds the token outputs on purpose). */
export function sweepFiles(job: Job, secrets: Secret[]): Leak[] {
  return filesUnder(job.dir, (name) => name.startsWith('set_output_')).flatMap(([path, text]) =>
    leaksIn(`file ${path.slice(job.dir.length + 1)}`, text, secrets),
  )
}

function leaksIn(where: string, source: StepResult | string, secrets: Secret[]): Leak[] {
  const found = new Set(
    findSecrets(
      source,
      secrets.map((secret) => secret.value),
    ),
  )
  const names = new Set(secrets.filter((s) => found.has(s.value)).map((s) => s.name))
  return [...names].map((secret) => ({ secret, where }))
}
