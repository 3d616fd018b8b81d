import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

import { ACTION_VERSION, USER_AGENT } from '../src/action-info.js'

describe('action info', () => {
  it('names the version package.json declares, so the User-Agent tells releases apart', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
    expect(USER_AGENT).toMatch(new RegExp(`^gitpod-runner-action/${pkg.version} `))
  })
})
