import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'

/**
 * Why the keeper stopped. `lapsed`: a final answer (e.g. not_found) came after the registration
 * had already gone a whole lifetime without renewal, so the lapse is the likely cause.
 */
export type StopReason =
  'stopped-by-post' | 'final-error' | 'keep-alive-timeout' | 'lapsed' | 'crashed'

/** What the keeper tells the post step, in one JSON file. Times are epoch ms. */
export interface KeeperStatus {
  pid: number
  instance: string
  runnerId: string
  startedAt: number
  /** Last time the file was written. */
  updatedAt: number
  state: 'running' | 'stopped'
  /** Successful renewals by the keeper (main's first renewal not included). */
  renewals: number
  /** Failed renewal attempts, retries included. */
  failures: number
  lastSuccessAt: number
  /** Longest time between two successful renewals, main's first renewal included. */
  longestGapMs: number
  /** Times the registration went a whole lifetime without renewal. */
  lapses: number
  /** Whether it is in such a stretch right now. */
  lapsed: boolean
  lastError?: string
  stopReason?: StopReason
  stopDetail?: string
  stoppedAt?: number
}

/**
 * Replaces the status file in one step: the reader sees the old or the new file, never half of
 * one. The temporary file sits in the same directory, so the rename stays on one file system.
 */
export function writeStatus(file: string, status: KeeperStatus): void {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temporary, `${JSON.stringify(status)}\n`)
    renameOver(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/**
 * Windows refuses to replace a file another process has open (the post step reading it, a virus
 * scanner) for a moment: try again a few times before giving up.
 */
function renameOver(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      return renameSync(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || attempt >= 5 || !BUSY.has(code)) throw error
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt)
    }
  }
}

const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY'])

/** The status, or undefined when there is none yet or it cannot be read. Never throws. */
export function readStatus(file: string): KeeperStatus | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return isKeeperStatus(value) ? value : undefined
  } catch {
    return undefined
  }
}

const NUMBERS = [
  'pid',
  'startedAt',
  'updatedAt',
  'renewals',
  'failures',
  'lastSuccessAt',
  'longestGapMs',
  'lapses',
]

function isKeeperStatus(value: unknown): value is KeeperStatus {
  if (!value || typeof value !== 'object') return false
  const fields = value as Record<string, unknown>
  return (
    NUMBERS.every((name) => typeof fields[name] === 'number') &&
    typeof fields.instance === 'string' &&
    typeof fields.runnerId === 'string' &&
    typeof fields.lapsed === 'boolean' &&
    (fields.state === 'running' || fields.state === 'stopped')
  )
}
