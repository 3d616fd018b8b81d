import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import { sampleProcess, type ProcessSample } from './proc.js'

/** The path of the probe that processes are started with: `--expose-gc --import <this>`. */
export const HEAP_PROBE = new URL('./heap-probe.mjs', import.meta.url).href
export const HEAP_PROBE_FLAGS = ['--expose-gc', '--import', HEAP_PROBE]

export interface HeapSample extends ProcessSample {
  heapUsedBytes: number
  /** What V8 holds for the heap, used or not: the young generation grows with allocation rate. */
  heapTotalBytes: number
  /** RSS right after the full collection, from /proc. */
  rssAfterGcKb: number
}

/**
 * Asks a process started with the heap probe to collect its garbage and report its heap, then
 * reads its RSS from /proc while nothing new has been allocated yet.
 */
export async function sampleHeap(pid: number, cwd: string): Promise<HeapSample> {
  const file = join(cwd, 'heap.json')
  rmSync(file, { force: true })
  process.kill(pid, 'SIGUSR2')

  const until = Date.now() + 5000
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`process ${pid} wrote no heap.json within 5 s`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const process_ = sampleProcess(pid)
  const usage = JSON.parse(readFileSync(file, 'utf8')) as NodeJS.MemoryUsage
  return {
    ...process_,
    heapUsedBytes: usage.heapUsed,
    heapTotalBytes: usage.heapTotal,
    rssAfterGcKb: process_.rssKb,
  }
}
