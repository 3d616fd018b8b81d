// A jest reporter that ends the run with one plain line, "tests: N passed, N failed", which CI
// reads as the verdict (jest's own summary is not a format it knows). A suite that could not
// run counts as a failure.
export default class ClosingLine {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    const skipped = results.numPendingTests + results.numTodoTests
    const tail = skipped > 0 ? `, ${skipped} skipped` : ''
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed${tail}\n`)
  }
}
