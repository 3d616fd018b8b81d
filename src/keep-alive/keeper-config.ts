/**
 * What the main step hands the keeper, as one JSON document on the keeper's stdin: the token
 * travels over the pipe, never on the command line or in the environment. All durations are
 * already scaled (src/time-scale.ts) by the main step.
 */
export interface KeeperConfig {
  apiUrl: string
  token: string
  runnerId: string
  runnerName: string
  renewal: 'mark-active' | 'update-runner'
  intervalMs: number
  lifetimeMs: number
  /** The keeper stops after this long, whatever happens: a backstop if post never runs. */
  keepAliveTimeoutMs: number
  statusFile: string
  /** Tells two uses of the action in one job apart (in the status file and the directory name). */
  instance: string
  /** Epoch ms of the main step's own renewal, where the first gap is counted from. */
  lastRenewalAt: number
}

/** The longest config accepted on stdin: enough for any real one, small enough to stay lean. */
export const MAX_CONFIG_BYTES = 64 * 1024

const RENEWALS = ['mark-active', 'update-runner']

/**
 * Reads and checks the keeper's config. Errors name the field and what was expected, never the
 * value: one of the fields is the API token.
 */
export function parseKeeperConfig(text: string): KeeperConfig {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new Error(`keeper config: stdin is not one JSON document (${text.length} characters)`)
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error('keeper config: stdin must hold a JSON object')
  }
  const fields = raw as Record<string, unknown>

  const config: KeeperConfig = {
    apiUrl: httpUrl(fields, 'apiUrl'),
    token: requiredText(fields, 'token'),
    runnerId: requiredText(fields, 'runnerId'),
    runnerName: typeof fields.runnerName === 'string' ? fields.runnerName : '',
    renewal: oneOf(fields, 'renewal', RENEWALS) as KeeperConfig['renewal'],
    intervalMs: duration(fields, 'intervalMs'),
    lifetimeMs: duration(fields, 'lifetimeMs'),
    keepAliveTimeoutMs: duration(fields, 'keepAliveTimeoutMs'),
    statusFile: requiredText(fields, 'statusFile'),
    instance: requiredText(fields, 'instance'),
    lastRenewalAt: epochMs(fields, 'lastRenewalAt'),
  }

  // UpdateRunner renews by rewriting the name, so it needs the name; MarkRunnerActive does not.
  if (config.renewal === 'update-runner' && config.runnerName.trim() === '') {
    throw new Error('keeper config: "runnerName" is needed to renew with update-runner')
  }
  if (config.intervalMs > config.lifetimeMs) {
    throw new Error(
      `keeper config: intervalMs (${config.intervalMs}) must not exceed lifetimeMs ` +
        `(${config.lifetimeMs}), or every registration would lapse between renewals`,
    )
  }
  return config
}

function requiredText(fields: Record<string, unknown>, name: string): string {
  const value = fields[name]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`keeper config: "${name}" must be a non-empty string`)
  }
  return value
}

function httpUrl(fields: Record<string, unknown>, name: string): string {
  const value = requiredText(fields, name)
  if (!/^https?:\/\/[^\s]+$/i.test(value)) {
    throw new Error(`keeper config: "${name}" must be an http(s) URL`)
  }
  return value
}

function oneOf(fields: Record<string, unknown>, name: string, allowed: string[]): string {
  const value = fields[name]
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new Error(`keeper config: "${name}" must be one of ${allowed.join(', ')}`)
  }
  return value
}

function duration(fields: Record<string, unknown>, name: string): number {
  const value = fields[name]
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`keeper config: "${name}" must be a positive number of milliseconds`)
  }
  return value
}

function epochMs(fields: Record<string, unknown>, name: string): number {
  const value = fields[name]
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`keeper config: "${name}" must be a time in epoch milliseconds`)
  }
  return value
}
