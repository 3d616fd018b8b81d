import { ActionError } from '../action-error.js'

/** `true` or `false`, any case; empty gives the fallback. */
export function parseBoolean(input: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim().toLowerCase()
  if (value === '') return fallback
  if (value === 'true') return true
  if (value === 'false') return false
  throw new ActionError(`input ${input}: "${raw}" is not a boolean; write true or false.`)
}

/** A number within [min, max]; empty gives the fallback. */
export function parseNumber(
  input: string,
  raw: string,
  fallback: number,
  range: { min: number; max: number; unit: string },
): number {
  const text = raw.trim()
  if (text === '') return fallback
  const value = Number(text)
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    throw new ActionError(
      `input ${input}: "${raw}" is not a number; write a number of ${range.unit} ` +
        `from ${range.min} to ${range.max}.`,
    )
  }
  if (value < range.min || value > range.max) {
    throw new ActionError(
      `input ${input}: ${value} ${range.unit} is out of range; ` +
        `use ${range.min} to ${range.max} ${range.unit}.`,
    )
  }
  return value
}

/** One of a fixed set of words, any case; empty gives the fallback. */
export function parseChoice<T extends string>(
  input: string,
  raw: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = raw.trim().toLowerCase()
  if (value === '') return fallback
  const found = choices.find((choice) => choice === value)
  if (found) return found
  const listed = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`
  throw new ActionError(`input ${input}: "${raw}" is not one of the choices; use ${listed}.`)
}
