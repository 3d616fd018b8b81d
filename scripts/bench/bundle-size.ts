import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

import { bundleSections, indexPackageLines, type Section } from './bundle-sections.js'
import type { Figure } from './figure.js'
import { kb } from './stats.js'

const LIMIT_BYTES = 1_000_000

/**
 * Code a bundle carries that the action never runs, found by what the action's own source files
 * in that bundle (its `./src/` sections) call. `calls` is what would make the code needed.
 */
const UNNEEDED = [
  {
    modules: /node_modules\/@actions\/(exec|io)\//,
    what: '@actions/exec + @actions/io (only core.platform.getDetails() uses them)',
    calls: /\bplatform\.|getDetails\(/,
  },
  {
    modules: /@actions\/core\/lib\/oidc-utils\.js|@actions\/http-client\/lib\/auth\.js/,
    what: "core's OIDC client and http-client's auth handlers (core.getIDToken)",
    calls: /getIDToken|CredentialHandler/,
  },
  {
    modules: /@actions\/core\/lib\/summary\.js/,
    what: "core's job summary (core.summary)",
    calls: /core\.summary\b/,
  },
  {
    modules: /@actions\/core\/lib\/path-utils\.js/,
    what: "core's path helpers (toPosixPath, ...)",
    calls: /to(Posix|Win32|Platform)Path\(/,
  },
]

/** Item 3: the size of everything in dist/, per bundle, with what it is made of. */
export function bundleSizeFigure(root: string): Figure {
  const dist = join(root, 'dist')
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
  const total = files.reduce((bytes, file) => bytes + statSync(file).size, 0)

  const packageLines = indexPackageLines(root)
  const details: string[] = []
  for (const bundle of readdirSync(dist).sort()) {
    const inBundle = files.filter((file) => relative(dist, file).startsWith(`${bundle}/`))
    const bytes = inBundle.reduce((sum, file) => sum + statSync(file).size, 0)
    const sections = bundleSections(join(dist, bundle, 'index.js'), packageLines)

    details.push(`dist/${bundle}: ${bytes.toLocaleString('en')} bytes in ${inBundle.length} files`)
    details.push(`  made of: ${byOwner(sections)}`)
    const unneeded = unneededIn(root, sections)
    if (unneeded) details.push(`  bundled, never run: ${unneeded}`)
  }

  return {
    id: '3',
    title: 'Size of everything in dist/',
    value: `${total.toLocaleString('en')} bytes (${kb(total)})`,
    target: `<= ${LIMIT_BYTES.toLocaleString('en')} bytes`,
    met: total <= LIMIT_BYTES,
    details,
  }
}

function byOwner(sections: Section[]): string {
  const owners = new Map<string, number>()
  for (const { owner, bytes } of sections) owners.set(owner, (owners.get(owner) ?? 0) + bytes)
  return [...owners]
    .sort((a, b) => b[1] - a[1])
    .filter(([, bytes]) => bytes >= 1024)
    .map(([owner, bytes]) => `${owner} ${kb(bytes)}`)
    .join(', ')
}

function unneededIn(root: string, sections: Section[]): string {
  const source = sections
    .filter((section) => section.module.startsWith('./src/'))
    .map((section) => readFileSync(join(root, section.module), 'utf8'))
    .join('\n')

  return UNNEEDED.flatMap(({ modules, what, calls }) => {
    const bytes = sections
      .filter((section) => modules.test(section.module))
      .reduce((sum, section) => sum + section.bytes, 0)
    return bytes > 0 && !calls.test(source) ? [`${what} ${kb(bytes)}`] : []
  }).join('; ')
}
