// Builds the three bundles the runner loads: main and post (declared in action.yml) and the keeper
// that main starts. Each is an ESM bundle with its own package.json {"type":"module"}.
// Each is built into a scratch folder first and then moved into dist/, so that tests running
// meanwhile never see a half-written bundle.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const entries = { main: true, post: true, keeper: false }

mkdirSync('.tmp', { recursive: true })
const scratch = mkdtempSync(join('.tmp', 'bundle-'))
try {
  for (const [entry, licenses] of Object.entries(entries)) {
    const args = ['build', `src/entrypoints/${entry}.ts`, '-o', join(scratch, entry), '-q']
    if (licenses) args.push('--license', 'licenses.txt')
    // npx is npx.cmd on Windows, which only a shell runs.
    execFileSync('npx', ['ncc', ...args], { stdio: 'inherit', shell: process.platform === 'win32' })
  }
  mkdirSync('dist', { recursive: true })
  for (const entry of Object.keys(entries)) {
    rmSync(join('dist', entry), { recursive: true, force: true })
    renameSync(join(scratch, entry), join('dist', entry))
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
