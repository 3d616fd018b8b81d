import { describe, expect, it } from '@jest/globals'

import { checkRunnerName, generateRunnerName } from '../../src/spec/runner-name.js'

const run = {
  GITHUB_REPOSITORY: 'octo-org/api',
  GITHUB_RUN_ID: '123456789',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'build',
}

describe('generateRunnerName', () => {
  it('names the repository, run, attempt and job, then a random suffix', () => {
    expect(generateRunnerName(run, () => '3f9c2a1b')).toBe(
      'gha-octo-org/api-123456789-1-build-3f9c2a1b',
    )
  })

  it('uses 8 random hex characters by default, different for two legs of one job', () => {
    const names = new Set(Array.from({ length: 200 }, () => generateRunnerName(run)))

    expect(names.size).toBe(200)
    for (const name of names)
      expect(name).toMatch(/^gha-octo-org\/api-123456789-1-build-[0-9a-f]{8}$/)
  })

  it.each([
    ['none of the variables', {}, /^gha-[0-9a-f]{8}$/],
    ['only the job', { GITHUB_JOB: 'test' }, /^gha-test-[0-9a-f]{8}$/],
    ['blank variables', { GITHUB_REPOSITORY: ' ', GITHUB_JOB: '' }, /^gha-[0-9a-f]{8}$/],
  ])('works with %s set', (_, env, pattern) => {
    expect(generateRunnerName(env)).toMatch(pattern)
  })

  const longest = {
    GITHUB_REPOSITORY: `${'o'.repeat(39)}/${'r'.repeat(100)}`,
    GITHUB_RUN_ID: '98765432101',
    GITHUB_RUN_ATTEMPT: '3',
    GITHUB_JOB: 'j'.repeat(100),
  }

  it('cuts the longest middle parts to fit 127 characters, keeping run, attempt and suffix', () => {
    const name = generateRunnerName(longest, () => 'cafe0042')

    expect(name).toBe(
      `gha-${'o'.repeat(39)}/${'r'.repeat(9)}-98765432101-3-${'j'.repeat(50)}-cafe0042`,
    )
    expect(name).toHaveLength(127)
  })

  it('keeps two legs apart even when their names are cut', () => {
    const first = generateRunnerName(longest)
    const second = generateRunnerName(longest)

    expect(first).not.toBe(second)
    expect(first.slice(0, -8)).toBe(second.slice(0, -8))
  })

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const name = generateRunnerName({ GITHUB_JOB: '🚀'.repeat(200) }, () => 'abcd1234')

    expect(Array.from(name)).toHaveLength(127)
    expect(name).toMatch(/^gha-(🚀)+-abcd1234$/u)
  })

  it.each([
    ['an empty suffix', () => ''],
    ['a suffix longer than a name may be', () => 'f'.repeat(300)],
  ])('stays within 3 to 127 characters with %s', (_, random) => {
    const length = Array.from(generateRunnerName(longest, random)).length

    expect(length).toBeGreaterThanOrEqual(3)
    expect(length).toBeLessThanOrEqual(127)
  })
})

describe('checkRunnerName', () => {
  it.each(['abc', 'r'.repeat(127), 'Production Runner'])('accepts %j', (name) => {
    expect(() => checkRunnerName(name, 'input name')).not.toThrow()
  })

  it.each([
    ['ab', 'input name: "ab" is 2 characters long; a runner name needs 3 to 127 characters'],
    ['', 'input name: "" is 0 characters long; a runner name needs 3 to 127 characters'],
    [
      'r'.repeat(128),
      `input name: "${'r'.repeat(60)}…" is 128 characters long; ` +
        'a runner name needs 3 to 127 characters',
    ],
  ])('refuses %j, naming where it came from', (name, message) => {
    expect(() => checkRunnerName(name, 'input name')).toThrow(message)
  })
})
