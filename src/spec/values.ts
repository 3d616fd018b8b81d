import { at, problem, quote } from './place.js'

/**
 * Checks of single values, shared by documents and inputs. Each throws a ValueProblem whose text
 * starts with the bad value (never a secret's) and ends with the fix.
 */

const shortestName = 3
const longestName = 127

export function runnerName(name: string): string {
  const length = Array.from(name).length
  if (length < shortestName || length > longestName) {
    problem(
      `${quote(name)} is ${length} ${length === 1 ? 'character' : 'characters'} long; ` +
        `a runner name needs ${shortestName} to ${longestName} characters`,
    )
  }
  return name
}

/** Throws an ActionError naming `where` (e.g. `input name`) when the name is too short or long. */
export function checkRunnerName(name: string, where: string): void {
  at({ where }, () => runnerName(name))
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function runnerManagerId(value: string): string {
  if (!uuidPattern.test(value)) {
    problem(
      `${quote(value)} is not a UUID; give the runner manager's id, ` +
        'e.g. 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
    )
  }
  return value
}

// proto3 JSON accepts standard and URL-safe base64, padded or not.
const base64Pattern = /^[A-Za-z0-9+/_-]*={0,2}$/

/** For secret bytes fields: the message never shows the value. */
export function base64Bytes(value: string): string {
  const unpadded = value.replace(/=+$/, '')
  if (!base64Pattern.test(value) || unpadded.length % 4 === 1) {
    problem('is not valid base64; give the encrypted key base64-encoded')
  }
  return value
}

export function inputBoolean(raw: string): boolean {
  const lower = raw.trim().toLowerCase()
  if (lower !== 'true' && lower !== 'false')
    problem(`${quote(raw)} is not a boolean; write true or false`)
  return lower === 'true'
}

export function hour(value: number): number {
  if (!Number.isInteger(value)) problem(`${value} is not a whole hour; use a UTC hour from 0 to 23`)
  if (value < 0 || value > 23) problem(`${value} is out of range; use a UTC hour from 0 to 23`)
  return value
}
