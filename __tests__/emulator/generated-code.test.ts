import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'

const root = process.cwd()
const committed = join(root, 'emulator/gen')

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = new Map<string, string>()
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name)
    files.set(relative(dir, path), await readFile(path, 'utf8'))
  }
  return files
}

describe('emulator/gen', () => {
  it('matches what `npm run generate` makes from proto/ (run it, commit)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'emulator-gen-'))
    try {
      const bin = join(root, 'node_modules/.bin')
      await promisify(execFile)(join(bin, 'buf'), ['generate', '--output', out], {
        cwd: root,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      })

      const fresh = await filesUnder(join(out, 'emulator/gen'))
      const current = await filesUnder(committed)
      expect([...current.keys()].sort()).toEqual([...fresh.keys()].sort())
      for (const [path, text] of fresh)
        expect({ path, text: current.get(path) }).toEqual({ path, text })
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})
