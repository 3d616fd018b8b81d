import { ActionError } from '../action-error.js'

export type Annotation = NonNullable<ActionError['annotation']>

/**
 * Where a value came from, for messages: `spec-file runner.yaml, line 4, column 5` plus the field
 * path, or `input region` alone (the input's name already says which field it is).
 */
export interface Place {
  where: string
  field?: string
  annotation?: Annotation
  /** The single input that set the value, so that a fix can name the input, not the field. */
  input?: string
}

/** A bad value, described without its place; `at` turns it into the user's one-line error. */
export class ValueProblem extends Error {}

export function problem(detail: string): never {
  throw new ValueProblem(detail)
}

/** Runs one parse or check, turning a ValueProblem into an ActionError naming the place. */
export function at<T>(place: Place, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof ValueProblem) fail(place, error.message)
    throw error
  }
}

export function fail(place: Place, detail: string): never {
  const field = place.field === undefined ? '' : `${place.field} `
  throw new ActionError(`${place.where}: ${field}${detail}`, place.annotation)
}

const longestQuote = 60

/** A user's value, quoted on one line and cut short, for a message. Never pass a secret here. */
export function quote(value: string): string {
  const characters = Array.from(value)
  const shown =
    characters.length > longestQuote ? `${characters.slice(0, longestQuote).join('')}…` : value
  return JSON.stringify(shown)
}
