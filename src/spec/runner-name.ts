import { randomBytes } from 'node:crypto'

export { checkRunnerName } from './values.js'

const longestName = 127

// Ordered from the broadest to the narrowest scope of a run.
const runVariables = ['GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT', 'GITHUB_JOB']

/**
 * A name for a runner no source named, such as `gha-octo-org/api-123456789-1-build-3f9c2a1b`.
 * A JavaScript action cannot see its matrix leg, so only the random suffix keeps two legs (or two
 * callers of one reusable workflow) apart: it is never cut. Always 3 to 127 characters.
 */
export function generateRunnerName(
  env: NodeJS.ProcessEnv,
  random: () => string = () => randomBytes(4).toString('hex'),
): string {
  const suffix = characters(oneLine(random()))
    .slice(0, longestName - 'gha-'.length)
    .join('')
  const parts = runVariables
    .map((name) => characters(oneLine(env[name] ?? '')))
    .filter((part) => part.length > 0)

  const room = longestName - 'gha'.length - (suffix === '' ? 0 : 1 + Array.from(suffix).length)
  const kept = fitInto(parts, room).map((part) => part.join(''))

  return ['gha', ...kept, ...(suffix === '' ? [] : [suffix])].join('-')
}

/** Shortens the longest part, one character at a time, until the parts and their dashes fit. */
function fitInto(parts: string[][], room: number): string[][] {
  const kept = parts.map((part) => [...part])
  const length = () => kept.reduce((total, part) => total + 1 + part.length, 0)

  while (kept.length > 0 && length() > room) {
    const longest = kept.reduce((a, b) => (b.length > a.length ? b : a))
    longest.pop()
    if (longest.length === 0) kept.splice(kept.indexOf(longest), 1)
  }

  return kept
}

// Counted in code points, as the API counts a name's characters.
function characters(text: string): string[] {
  return Array.from(text)
}

function oneLine(text: string): string {
  return text.trim().replace(/[\s\p{Cc}]+/gu, '-')
}
