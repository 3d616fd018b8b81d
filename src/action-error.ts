/**
 * A failure the user can fix: bad input, a refused call, a missing file. Its message is one line
 * that names the input or field, the bad value and the fix. Entry points print it with
 * `core.setFailed` and no stack trace; any other error is a bug in the action.
 */
export class ActionError extends Error {
  /** Where the mistake is, for an error annotation on the file itself. */
  readonly annotation?: { file: string; startLine?: number; startColumn?: number }

  constructor(message: string, annotation?: ActionError['annotation']) {
    super(message)
    this.name = 'ActionError'
    this.annotation = annotation
  }
}
