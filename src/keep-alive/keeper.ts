import { RunnerService } from '../api/runner-service.js'
import { scaled } from '../time-scale.js'
import { MAX_CONFIG_BYTES, parseKeeperConfig, type KeeperConfig } from './keeper-config.js'
import { errorMessage, logLine, seconds } from './keeper-log.js'
import { writeStatus, type StopReason } from './keeper-status.js'
import { isFinalRenewalError, renew } from './renewal.js'
import { RenewalTally } from './renewal-tally.js'
import {
  attemptTimeoutMs,
  isLapsed,
  nextRenewalAt,
  retryAt,
  type RenewalTiming,
} from './schedule.js'

/** The main step closes the pipe at once; a keeper still waiting after this was orphaned. */
const STDIN_WAIT_MS = 30_000

const EXIT_CODES: Record<StopReason | 'bad-config', number> = {
  'stopped-by-post': 0,
  'keep-alive-timeout': 0,
  'final-error': 2,
  lapsed: 2,
  crashed: 1,
  'bad-config': 3,
}

/**
 * The keeper process: reads its config (with the API token) from stdin, then renews the
 * registration until the post step stops it, a final answer ends it, or keep-alive-timeout.
 */
export async function run(): Promise<void> {
  // A log that cannot be written must not take the renewals down with it.
  process.stdout.on('error', () => undefined)

  let config: KeeperConfig
  try {
    config = parseKeeperConfig(await readStdin(process.stdin))
  } catch (error) {
    logLine(`keeper not started: ${errorMessage(error)}`)
    process.exit(EXIT_CODES['bad-config'])
  }

  const keeper = new Keeper(config)
  const stopByPost = () => keeper.stop('stopped-by-post')
  process.on('SIGTERM', stopByPost)
  process.on('SIGINT', stopByPost)
  process.on('uncaughtException', (error) => keeper.stop('crashed', errorMessage(error)))
  process.on('unhandledRejection', (error) => keeper.stop('crashed', errorMessage(error)))

  try {
    await keeper.keepAlive()
  } catch (error) {
    keeper.stop('crashed', errorMessage(error))
  }
}

class Keeper {
  private readonly tally: RenewalTally
  private readonly timing: RenewalTiming
  private readonly deadline: number
  private service?: { instance: RunnerService; timeoutMs: number }
  private statusWritable = true

  constructor(private readonly config: KeeperConfig) {
    const startedAt = Date.now()
    this.deadline = startedAt + config.keepAliveTimeoutMs
    this.timing = {
      intervalMs: config.intervalMs,
      lifetimeMs: config.lifetimeMs,
      minAttemptMs: scaled(250),
      // 6 s of a 30 s lifetime. Without it a hung request ran into the lapse at renew-interval
      // 20, and a long Retry-After put the retry 250 ms before it: often too late to arrive.
      lastAttemptMs: config.lifetimeMs / 5,
    }
    this.tally = new RenewalTally({
      pid: process.pid,
      instance: config.instance,
      runnerId: config.runnerId,
      startedAt,
      lastRenewalAt: config.lastRenewalAt,
      lifetimeMs: config.lifetimeMs,
    })
  }

  async keepAlive(): Promise<never> {
    const { runnerId, renewal, intervalMs, lifetimeMs } = this.config
    // Without a status file the post step cannot tell this process is ours, so cannot stop it.
    writeStatus(this.config.statusFile, this.tally.snapshot(Date.now()))
    logLine(
      `keeper ${process.pid} renews runner ${runnerId} by ${renewal} every ` +
        `${seconds(intervalMs)} (lifetime ${seconds(lifetimeMs)})`,
    )

    let failures = 0
    let attemptAt = nextRenewalAt(this.tally.lastSuccessAt, this.timing, Math.random)
    for (;;) {
      await this.waitUntil(attemptAt)

      try {
        await this.renewOnce()
        failures = 0
        attemptAt = nextRenewalAt(this.tally.lastSuccessAt, this.timing, Math.random)
      } catch (error) {
        failures++
        attemptAt = this.failed(error, failures)
      }

      const now = Date.now()
      if (this.tally.checkLapse(now)) {
        logLine(`registration lapsed: no renewal for ${seconds(now - this.tally.lastSuccessAt)}`)
      }
      this.saveStatus()
    }
  }

  /** Records why the keeper stops, then exits at once, even with a request in flight. */
  stop(reason: StopReason, detail?: string): never {
    if (!this.tally.stopped) {
      this.tally.stop(Date.now(), reason, detail)
      this.saveStatus()
      logLine(`keeper stopped: ${reason}${detail ? ` (${detail})` : ''}`)
    }
    this.service?.instance.dispose()
    process.exit(EXIT_CODES[reason])
  }

  private async renewOnce(): Promise<void> {
    const started = Date.now()
    const timeoutMs = Math.min(
      attemptTimeoutMs(started, this.tally.lastSuccessAt, this.timing),
      this.deadline - started,
    )
    if (timeoutMs < this.timing.minAttemptMs) this.stop('keep-alive-timeout')

    const { runnerId, runnerName: name, renewal } = this.config
    await renew(this.serviceFor(timeoutMs), renewal, { runnerId, name })

    const { gapMs, endedLapse } = this.tally.succeeded(Date.now())
    logLine(`renewed${endedLapse ? ' after a lapse' : ''} (gap ${seconds(gapMs)})`)
  }

  private failed(error: unknown, failures: number): number {
    const now = Date.now()
    const message = errorMessage(error)
    // A failed request may leave a half-open connection behind: the next attempt starts afresh.
    this.dropService()

    if (isFinalRenewalError(error)) {
      this.stop(
        isLapsed(now, this.tally.lastSuccessAt, this.timing) ? 'lapsed' : 'final-error',
        message,
      )
    }

    this.tally.failed(message)
    const next = retryAt(now, this.tally.lastSuccessAt, failures, error, this.timing, Math.random)
    logLine(`renewal failed: ${message}; retry ${failures} in ${seconds(next - now)}`, now)
    return next
  }

  /** Sleeps until `at`, or stops at keep-alive-timeout if that comes first. */
  private async waitUntil(at: number): Promise<void> {
    const wait = Math.min(at, this.deadline) - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    if (Date.now() >= this.deadline) this.stop('keep-alive-timeout')
  }

  /** One connection kept open between renewals, rebuilt when the attempt timeout changes. */
  private serviceFor(timeoutMs: number): RunnerService {
    if (this.service?.timeoutMs === timeoutMs) return this.service.instance

    this.dropService()
    const { apiUrl: baseUrl, token } = this.config
    const instance = new RunnerService({ baseUrl, token, timeoutMs, keepAlive: true })
    this.service = { instance, timeoutMs }
    return instance
  }

  private dropService(): void {
    this.service?.instance.dispose()
    this.service = undefined
  }

  private saveStatus(): void {
    try {
      writeStatus(this.config.statusFile, this.tally.snapshot(Date.now()))
      this.statusWritable = true
    } catch (error) {
      // Logged once per outage, not once per renewal.
      if (this.statusWritable) logLine(`cannot write the status file: ${errorMessage(error)}`)
      this.statusWritable = false
    }
  }
}

function readStdin(stdin: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const fail = (error: Error) => {
      clearTimeout(timer)
      stdin.destroy()
      reject(error)
    }
    const timer = setTimeout(
      () => fail(new Error(`stdin was not closed within ${seconds(STDIN_WAIT_MS)}`)),
      STDIN_WAIT_MS,
    )

    stdin.setEncoding('utf8')
    stdin.on('data', (chunk: string) => {
      text += chunk
      if (text.length > MAX_CONFIG_BYTES) fail(new Error('the config on stdin is too long'))
    })
    stdin.on('error', fail)
    stdin.on('end', () => {
      clearTimeout(timer)
      resolve(text)
    })
  })
}
