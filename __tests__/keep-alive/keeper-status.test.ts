import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { readStatus, writeStatus, type KeeperStatus } from '../../src/keep-alive/keeper-status.js'

/** Runs the TypeScript source in a second node process. */
const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href

const status: KeeperStatus = {
  pid: 4242,
  instance: 'leg-1',
  runnerId: 'runner-1',
  startedAt: 1_000,
  updatedAt: 2_000,
  state: 'running',
  renewals: 3,
  failures: 1,
  lastSuccessAt: 1_900,
  longestGapMs: 600,
  lapses: 0,
  lapsed: false,
}

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keeper-status-'))
  file = join(dir, 'status.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('writeStatus and readStatus', () => {
  it('reads back what was written, and leaves no temporary file behind', () => {
    writeStatus(file, status)
    writeStatus(file, { ...status, renewals: 4, state: 'stopped', stopReason: 'stopped-by-post' })

    expect(readStatus(file)).toMatchObject({ renewals: 4, stopReason: 'stopped-by-post' })
    expect(readdirSync(dir)).toEqual(['status.json'])
  })

  it('gives undefined for a missing, torn or foreign file instead of throwing', () => {
    expect(readStatus(file)).toBeUndefined()

    writeFileSync(file, JSON.stringify(status).slice(0, 40))
    expect(readStatus(file)).toBeUndefined()

    writeFileSync(file, JSON.stringify({ pid: 1, state: 'maybe' }))
    expect(readStatus(file)).toBeUndefined()
  })

  it('never shows a reader half a file while another process rewrites it', async () => {
    writeStatus(file, status)
    const writer = spawn(
      process.execPath,
      ['--import', TSX_LOADER, '--input-type=module', '-e', rewriteLoop(file, 1500)],
      { stdio: 'ignore' },
    )
    const exited = new Promise((resolve) => writer.once('exit', resolve))

    let reads = 0
    let torn = 0
    let running = true
    void exited.then(() => (running = false))
    while (running) {
      if (readStatus(file) === undefined) torn++
      reads++
      await new Promise((resolve) => setImmediate(resolve))
    }

    expect(reads).toBeGreaterThan(100)
    expect(torn).toBe(0)
    expect(readStatus(file)?.renewals).toBe(1500)
  })
})

/** A script for a second process: rewrites the status `count` times with a growing body. */
function rewriteLoop(file: string, count: number): string {
  const module = new URL('../../src/keep-alive/keeper-status.ts', import.meta.url).href
  return `
    const { writeStatus } = await import(${JSON.stringify(module)})
    const base = ${JSON.stringify(status)}
    for (let renewals = 1; renewals <= ${count}; renewals++) {
      writeStatus(${JSON.stringify(file)}, { ...base, renewals, stopDetail: 'x'.repeat(renewals * 7) })
    }`
}
