import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

import { withTables } from '../scripts/readme-tables.js'

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8')

  it('has the inputs and outputs tables of action.yml (npm run readme rewrites them)', () => {
    expect(readme).toBe(withTables(readme, readFileSync('action.yml', 'utf8')))
  })

  it('opens with the demo and test commands', () => {
    const opening = readme.slice(0, 1500)
    expect(opening).toContain('npm ci && npm run demo')
    expect(opening).toContain('npm ci && npm test')
  })
})
