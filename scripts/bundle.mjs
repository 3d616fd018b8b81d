// Builds the three bundles the runner loads: main and post (declared in action.yml) and the keeper
// that main starts. Each is an ESM bundle with its own package.json {"type":"module"}.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const entries = { main: true, post: true, keeper: false }

rmSync('dist', { recursive: true, force: true })
for (const [entry, licenses] of Object.entries(entries)) {
  const args = ['build', `src/entrypoints/${entry}.ts`, '-o', `dist/${entry}`, '-q']
  if (licenses) args.push('--license', 'licenses.txt')
  execFileSync('npx', ['ncc', ...args], { stdio: 'inherit' })
}
