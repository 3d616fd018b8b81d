import { readFileSync, statSync, type Stats } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ActionError } from '../action-error.js'

/** A runner spec is a few lines; anything this big is the wrong file. */
export const largestSpecFile = 1024 * 1024

export interface SpecFileText {
  text: string
  /** The path as the workflow names it, relative to the workspace, for messages and annotations. */
  file: string
}

/** Reads the spec-file input's file, resolved against the workspace. */
export function readSpecFile(specFile: string, workspace: string): SpecFileText {
  const path = resolve(workspace, specFile)
  const file = workflowPath(path, workspace)
  const stats = statOrFail(specFile, path, workspace)

  if (stats.isDirectory()) {
    throw new ActionError(
      `spec-file ${file} is a directory (${path}); give the path of a YAML or JSON file`,
    )
  }
  if (stats.size > largestSpecFile) {
    throw new ActionError(
      `spec-file ${file} is ${stats.size} bytes, more than the 1 MiB (${largestSpecFile} bytes) ` +
        'a runner spec may take; check that the path names the runner spec',
      { file },
    )
  }

  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new ActionError(`spec-file ${file}: cannot read ${path} (${codeOf(error)})`)
  }
  // Windows PowerShell 5.1 writes UTF-16 with a byte-order mark, which reads as garbage.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (utf16) {
    throw new ActionError(
      `spec-file ${file}: the file is UTF-16 text; save it as UTF-8 ` +
        '(in PowerShell: Out-File -Encoding utf8).',
      { file },
    )
  }
  return { text: bytes.toString('utf8'), file }
}

function statOrFail(specFile: string, path: string, workspace: string): Stats {
  try {
    return statSync(path)
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') {
      throw new ActionError(
        `spec-file ${JSON.stringify(specFile)} not found: looked for ${path} ` +
          `(GITHUB_WORKSPACE is ${workspace}); the path is relative to the workspace: ` +
          'check it, and check out the repository before this step',
      )
    }
    throw new ActionError(`spec-file ${specFile}: cannot read ${path} (${codeOf(error)})`)
  }
}

// Annotations name files relative to the repository, with forward slashes.
function workflowPath(path: string, workspace: string): string {
  const inside = relative(resolve(workspace), path)
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)
  const shown = inside === '' || outside ? path : inside
  return shown.split(sep).join('/')
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' ? code : 'unknown error'
}
