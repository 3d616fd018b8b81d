import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import type { Emulator } from '../../emulator/server.js'
import type { StepResult } from '../../harness/types.js'
import { isRunning } from '../../src/keep-alive/keeper-process.js'
import type { KeeperHandle } from '../../src/state.js'

/** What the end-to-end keep-alive tests read back from a job: the keeper and the renewals. */

/** The keeper the main step started, as it handed it to the post step. */
export function keeperOf(main: StepResult): KeeperHandle {
  const saved = main.state['keeper']
  if (!saved) throw new Error('the main step saved no keeper')
  return JSON.parse(saved) as KeeperHandle
}

export interface Renewals {
  /** Renewals the emulator accepted, by which call. */
  via: string[]
  /** Gaps between renewals; the first is counted from the creation. */
  gapsMs: number[]
  longestGapMs: number
  lapses: number
}

/** The registration's renewals as the emulator saw them. */
export function renewalsOf(emulator: Emulator, runnerId: string): Renewals {
  const timeline = emulator.timeline(runnerId)
  const renewed = timeline.flatMap((event) => (event.type === 'renewed' ? [event] : []))
  const gapsMs = renewed.map((event) => event.gapMs)
  return {
    via: renewed.map((event) => event.via),
    gapsMs,
    longestGapMs: Math.max(0, ...gapsMs),
    lapses: timeline.filter((event) => event.type === 'lapsed').length,
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Polls until `condition` holds; throws after `withinMs` so a test fails rather than hangs. */
export async function waitUntil(
  what: string,
  condition: () => boolean,
  withinMs = 10_000,
): Promise<void> {
  const until = Date.now() + withinMs
  while (!condition()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${withinMs} ms`)
    await sleep(25)
  }
}

export function waitForKeeperExit(keeper: KeeperHandle, withinMs = 10_000): Promise<void> {
  return waitUntil(`keeper ${keeper.pid} to exit`, () => !isRunning(keeper.pid), withinMs)
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** `/proc/<pid>/cmdline` or `environ`, split at its NUL separators. */
export function procEntries(pid: number, file: 'cmdline' | 'environ'): string[] {
  return readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0').filter(Boolean)
}
