// Loaded with `node --expose-gc --import` into processes the benchmark starts, never into the
// action: on SIGUSR2 it collects all garbage, then writes process.memoryUsage() to heap.json in
// the process's working directory, so that the heap can be read from outside.
import { renameSync, writeFileSync } from 'node:fs'

process.on('SIGUSR2', () => {
  globalThis.gc?.()
  writeFileSync('heap.json.tmp', JSON.stringify(process.memoryUsage()))
  renameSync('heap.json.tmp', 'heap.json')
})
