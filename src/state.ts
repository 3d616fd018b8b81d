import * as core from '@actions/core'

/**
 * What the main step hands to its post step. Each value is saved the moment it is known, so a
 * main step that fails or is cancelled half-way still leaves the post step enough to clean up.
 * No secret is ever saved here: the post step reads the token from its inputs again.
 */
export interface MainState {
  /** The runner's name, saved before the create is sent (to find it if no answer came). */
  name?: string
  /** Whether main made the name up: any runner with a generated name is provably its own. */
  nameGenerated?: boolean
  apiUrl?: string
  /** Epoch ms when the main step began; only runners created after it can be ours. */
  startedAt?: number
  runnerId?: string
  /** A create got no answer: it may have made a runner besides the one in `runnerId`. */
  createUnanswered?: boolean
  /**
   * A create was sent and its fate is not known as a failure: true from just before the first
   * send until an answer says nothing was made. With no `runnerId`, the post step looks it up.
   */
  createMayExist?: boolean
  keeper?: KeeperHandle
  /** What the job summary shows of the runner, saved once it is registered. */
  registration?: {
    provider?: string
    kind?: string
    region?: string
    phase?: string
    /** When the phase was read: 'at registration' or 'after wait-for-phase'. */
    phaseSeen?: string
  }
  /** Set when main checked everything and created nothing on purpose (dry run). */
  dryRun?: boolean
}

/** Where the post step finds the keeper this main step started. */
export interface KeeperHandle {
  pid: number
  instance: string
  statusFile: string
  logFile: string
  lifetimeMs: number
  /** Epoch ms of the main step's own renewal, the last one known if the keeper says nothing. */
  firstRenewalAt: number
}

const KEYS = {
  name: 'name',
  nameGenerated: 'name-generated',
  apiUrl: 'api-url',
  startedAt: 'started-at',
  runnerId: 'runner-id',
  createUnanswered: 'create-unanswered',
  createMayExist: 'create-may-exist',
  keeper: 'keeper',
  registration: 'registration',
  dryRun: 'dry-run',
} as const satisfies Record<keyof MainState, string>

export function saveState<K extends keyof MainState>(
  key: K,
  value: NonNullable<MainState[K]>,
): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  core.saveState(KEYS[key], text)
}

export function loadState(): MainState {
  const text = (key: keyof MainState): string => core.getState(KEYS[key])
  return {
    name: text('name') || undefined,
    nameGenerated: text('nameGenerated') === 'true',
    apiUrl: text('apiUrl') || undefined,
    startedAt: json<number>(text('startedAt')),
    runnerId: text('runnerId') || undefined,
    createUnanswered: text('createUnanswered') === 'true' || undefined,
    createMayExist: text('createMayExist') === 'true' || undefined,
    keeper: json<KeeperHandle>(text('keeper')),
    registration: json<MainState['registration']>(text('registration')),
    dryRun: text('dryRun') === 'true' || undefined,
  }
}

function json<T>(text: string): T | undefined {
  if (!text) return undefined
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}
