import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync } from 'node:fs'
import { join } from 'node:path'

import { parseKeeperConfig, type KeeperConfig } from './keeper-config.js'

export interface StartKeeperOptions {
  /** The keeper bundle (dist/keeper/index.js), run by the runner's own node. */
  keeperScript: string
  runnerTemp: string
  /** Where the keeper's environment is picked from; process.env by default. */
  env?: NodeJS.ProcessEnv
  /** Node options before the script, e.g. a TypeScript loader for tests. */
  execArgv?: string[]
}

export interface StartedKeeper {
  pid: number
  instance: string
  /** This instance's own directory, holding the log and the status file. */
  dir: string
  logFile: string
  statusFile: string
}

/**
 * The only variables the keeper gets: what node, the proxy settings and the runner's job-end
 * sweep (RUNNER_TRACKING_ID) need. Building the environment instead of filtering it keeps out
 * INPUT_*, STATE_*, ONA_API_KEY, GITHUB_TOKEN and whatever else a workflow defines.
 */
const KEEPER_ENV = new Set(
  [
    'PATH',
    'SystemRoot',
    'windir',
    'ComSpec',
    'HOME',
    'USERPROFILE',
    'TMPDIR',
    'TEMP',
    'TMP',
    'RUNNER_TEMP',
    'RUNNER_TRACKING_ID',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'NODE_EXTRA_CA_CERTS',
    'GITPOD_RUNNER_ACTION_TIME_SCALE',
  ].map((name) => name.toUpperCase()),
)

/**
 * A small young generation: the keeper allocates a little per renewal for hours, and V8's default
 * lets that grow by tens of megabytes (BENCHMARKS.md, keeper memory) before it collects.
 */
const KEEPER_NODE_OPTIONS = ['--max-semi-space-size=1']

/**
 * Starts the keeper as a detached process that outlives the main step. Its stdio is a log file,
 * never the step's own pipes (the runner would wait for them to close); the config, API token
 * included, goes through stdin, which is closed at once.
 */
export function startKeeper(
  config: Omit<KeeperConfig, 'statusFile'>,
  options: StartKeeperOptions,
): StartedKeeper {
  // A bad config fails the main step here, not silently in a process nobody watches.
  parseKeeperConfig(JSON.stringify({ ...config, statusFile: 'status.json' }))

  // A fresh directory per use, so that two uses of the action in one job never share files.
  const dir = mkdtempSync(join(options.runnerTemp, `gitpod-runner-${fileSafe(config.instance)}-`))
  const logFile = join(dir, 'keeper.log')
  const statusFile = join(dir, 'status.json')

  const logFd = openSync(logFile, 'a')
  let child
  try {
    child = spawn(
      process.execPath,
      [...KEEPER_NODE_OPTIONS, ...(options.execArgv ?? []), options.keeperScript],
      {
        cwd: dir,
        detached: true,
        windowsHide: true,
        stdio: ['pipe', logFd, logFd],
        env: keeperEnvironment(options.env ?? process.env),
      },
    )
  } finally {
    closeSync(logFd)
  }

  // Failures show up as a missing pid below; these keep them from becoming uncaught errors.
  child.on('error', () => undefined)
  child.stdin?.on('error', () => undefined)
  if (child.pid === undefined) {
    throw new Error(`could not start the keeper (${process.execPath} ${options.keeperScript})`)
  }

  child.stdin?.end(JSON.stringify({ ...config, statusFile }))
  child.unref()
  return { pid: child.pid, instance: config.instance, dir, logFile, statusFile }
}

/** Names are compared without case: Windows spells PATH `Path`, proxies come in both cases. */
export function keeperEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const picked: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && KEEPER_ENV.has(name.toUpperCase())) picked[name] = value
  }
  return picked
}

function fileSafe(instance: string): string {
  return instance.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64) || 'keeper'
}
