import { readdirSync } from 'node:fs'
import { join } from 'node:path'

import { startEmulator, type Emulator } from '../../emulator/server.js'
import { RunnerService } from '../../src/api/runner-service.js'
import type { KeeperConfig } from '../../src/keep-alive/keeper-config.js'
import { startKeeper, type StartedKeeper } from '../../src/keep-alive/start-keeper.js'

/**
 * The real keeper as a child process (the TypeScript entry point run through tsx) against the
 * project's emulator on 127.0.0.1, set up the way the main step leaves it: a runner created and
 * renewed once. Durations are short but leave the lifetime ten intervals, so that a busy
 * 2-core machine does not fake a lapse.
 */
export const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href
export const KEEPER_SCRIPT = new URL('../../src/entrypoints/keeper.ts', import.meta.url).pathname
export const INTERVAL_MS = 250
export const LIFETIME_MS = 2_500

export interface Registered {
  emulator: Emulator
  runnerId: string
  runnerName: string
  /** When the "main step" renewed it. */
  renewedAt: number
}

export async function registerRunner(lifetimeMs = LIFETIME_MS): Promise<Registered> {
  const emulator = await startEmulator({ lifetimeMs })
  const service = new RunnerService({
    baseUrl: emulator.url,
    token: emulator.token,
    timeoutMs: 5_000,
  })
  const { runner } = await service.createRunner({
    name: 'gha-keeper-test',
    provider: 'RUNNER_PROVIDER_AWS_EC2',
    spec: { desiredPhase: 'RUNNER_PHASE_ACTIVE', configuration: { region: 'us-east-1' } },
  })
  await service.markRunnerActive(runner.runnerId)
  return {
    emulator,
    runnerId: runner.runnerId,
    runnerName: runner.name ?? '',
    renewedAt: Date.now(),
  }
}

/** The environment a workflow might have, secrets included, for the keeper to be picky about. */
export function jobEnvironment(token: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    RUNNER_TRACKING_ID: 'github_keeper-test',
    GITPOD_RUNNER_ACTION_TIME_SCALE: '0.05',
    INPUT_TOKEN: token,
    GITPOD_API_KEY: token,
    GITHUB_TOKEN: 'ghs_not-for-the-keeper',
  }
}

export function startTestKeeper(
  registered: Registered,
  runnerTemp: string,
  overrides: Partial<KeeperConfig> = {},
): StartedKeeper {
  const { emulator } = registered
  const config = {
    apiUrl: emulator.url,
    token: emulator.token,
    runnerId: registered.runnerId,
    runnerName: registered.runnerName,
    renewal: 'mark-active' as const,
    intervalMs: INTERVAL_MS,
    lifetimeMs: emulator.lifetimeMs,
    keepAliveTimeoutMs: 60_000,
    instance: 'leg-1',
    lastRenewalAt: registered.renewedAt,
    ...overrides,
  }
  return startKeeper(config, {
    keeperScript: KEEPER_SCRIPT,
    runnerTemp,
    env: jobEnvironment(emulator.token),
    execArgv: ['--import', TSX_LOADER],
  })
}

/** The emulator's own count of the renewals it accepted for the runner. */
export function renewalsSeen(registered: Registered): number {
  return registration(registered).renewals
}

export function registration(registered: Registered) {
  const found = registered.emulator.registrations().find((r) => r.runnerId === registered.runnerId)
  if (!found) throw new Error(`the emulator has no runner ${registered.runnerId}`)
  return found
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export async function waitUntil(condition: () => boolean, withinMs = 10_000): Promise<void> {
  const until = Date.now() + withinMs
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await sleep(20)
  }
}
