/**
 * The keeper's log: one line per event on stdout, which the main step points at a file in
 * RUNNER_TEMP. Writes to a file descriptor are synchronous, so a line is on disk before the
 * keeper can be stopped.
 */
export function logLine(text: string, now: number = Date.now()): void {
  process.stdout.write(`${new Date(now).toISOString()} ${text}\n`)
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
