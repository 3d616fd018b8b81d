// Keeps README.md's inputs and outputs tables equal to action.yml: `npm run readme` rewrites them,
// and a test fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'

interface Manifest {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const manifest = parse(actionYml) as Manifest
  const inputs = [
    '| Input | Default | Description |',
    '|---|---|---|',
    ...Object.entries(manifest.inputs).map(
      ([name, input]) =>
        `| \`${name}\` | ${input.default !== undefined ? `\`${input.default}\`` : ''} | ` +
        `${cell(input.description)} |`,
    ),
  ].join('\n')
  const outputs = [
    '| Output | Description |',
    '|---|---|',
    ...Object.entries(manifest.outputs).map(
      ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
    ),
  ].join('\n')
  return { inputs, outputs }
}

export function withTables(readme: string, actionYml: string): string {
  const tables = renderTables(actionYml)
  let text = readme
  for (const [key, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${key}:start -->)[\\s\\S]*?(<!-- ${key}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${key}:start/end --> markers`)
    text = text.replace(pattern, (_m, start: string, end: string) => `${start}\n${table}\n${end}`)
  }
  return text
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const readme = readFileSync('README.md', 'utf8')
  writeFileSync('README.md', withTables(readme, readFileSync('action.yml', 'utf8')))
  console.log('README.md tables updated from action.yml')
}
