import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { StepResult } from '../../harness/types.js'
import { SecretsSweep } from './secrets-sweep.js'

/** Characters that make the base64 and URL-encoded forms differ from the plain one. */
const METRICS_PASSWORD = 'm3tr1cs-P@ss/w+rd&x=1%'

describe('the sweep itself', () => {
  it('finds every encoded form, in every place, and lets only the own token outputs pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-sweep-'))
    try {
      const secrets = { 'API token': 'api-Token-123', 'exchange token': 'xchg-Token-456' }
      const file = (name: string, text: string) => {
        writeFileSync(join(dir, name), text)
        return join(dir, name)
      }
      const step = {
        phase: 'main',
        stdout: `::add-mask::api-Token-123\nGET /?t=${encodeURIComponent(METRICS_PASSWORD)}\n`,
        stderr: '',
        files: {
          output: file('output', 'exchange-token=xchg-Token-456\nrunner=api-Token-123\n'),
          state: file('state', ''),
          env: file('env', ''),
          summary: file('summary', ''),
        },
      } as unknown as StepResult
      file('log', `Basic ${Buffer.from(`u:${secrets['exchange token']}`).toString('base64')}`)

      const sweep = new SecretsSweep(
        { ...secrets, 'metrics password': METRICS_PASSWORD },
        { 'exchange-token': 'exchange token' },
      )
      sweep.step(step)
      sweep.tree(dir, [{ label: 'files', takes: () => true }])

      const found = sweep.found().sort((a, b) => a.where.localeCompare(b.where))
      expect(found).toEqual([
        { secret: 'exchange token', where: 'log' },
        { secret: 'metrics password', where: 'main stdout' },
        { secret: 'API token', where: 'output: output runner' },
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('finds a token output that holds another secret than its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-sweep-'))
    try {
      const output = join(dir, 'output')
      writeFileSync(output, 'exchange-token=api-Token-123\n')
      const files = { output, state: output + '-', env: output + '-', summary: output + '-' }
      const step = { phase: 'main', stdout: '', stderr: '', files } as unknown as StepResult

      const sweep = new SecretsSweep(
        { 'API token': 'api-Token-123', 'exchange token': 'api-Token-123' },
        { 'exchange-token': 'exchange token' },
      )
      sweep.step(step)
      sweep.tree(dir, [])

      expect(sweep.found()).toEqual([
        { secret: 'API token', where: 'output: output exchange-token' },
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
