// Evaluated before the rest of the post bundle: from here on, the runner's SIGINT (a cancelled
// run) no longer ends the process before the post step has stopped the keeper and deleted the
// registration. The post step's own handler (src/cancellation.ts) does the rest.
process.on('SIGINT', () => undefined)
