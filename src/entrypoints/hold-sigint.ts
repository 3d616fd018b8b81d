// Evaluated before the rest of the post bundle: from here on, the runner's SIGINT (a cancelled
// run) no longer ends the process before the post step has stopped the keeper and deleted the
// registration. The post step's own handler (src/cancellation.ts) does the rest.
// Known gap: a SIGINT in the first milliseconds, while node itself starts and parses the bundle,
// still ends the step; the runner's end-of-job sweep then stops the keeper, and the registration
// is left to lapse (chaos lists these cases apart).
process.on('SIGINT', () => undefined)
