/**
 * What a step does when the run is cancelled. The runner sends SIGINT, then SIGTERM 7.5 s later,
 * then kills (github-runner.md 2.1.7). On SIGINT a step finishes the call it is in, so that what it
 * created is known and saved, then stops; on SIGTERM it stops at once.
 */
export interface Cancellation {
  readonly requested: boolean
  /** Removes the handlers, so a finished step exits as usual. */
  dispose(): void
}

export function watchCancellation(onCancel: () => void = () => undefined): Cancellation {
  let requested = false
  const onInterrupt = () => {
    requested = true
    onCancel()
  }
  const onTerminate = () => {
    onInterrupt()
    process.exit(1)
  }
  process.on('SIGINT', onInterrupt)
  process.on('SIGTERM', onTerminate)
  // On Windows the runner follows Ctrl+C with Ctrl+Break, which Node reports as SIGBREAK.
  if (process.platform === 'win32') process.on('SIGBREAK', onTerminate)

  return {
    get requested() {
      return requested
    },
    dispose() {
      process.off('SIGINT', onInterrupt)
      process.off('SIGTERM', onTerminate)
      process.off('SIGBREAK', onTerminate)
    },
  }
}
