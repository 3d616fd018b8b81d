import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StepFiles } from './types.js'

/** Fresh, empty GITHUB_OUTPUT/STATE/ENV/STEP_SUMMARY files for one step, as a runner makes. */
export function createStepFiles(runnerTemp: string): StepFiles {
  const dir = join(runnerTemp, '_runner_file_commands')
  mkdirSync(dir, { recursive: true })

  const suffix = randomUUID()
  const files: StepFiles = {
    output: join(dir, `set_output_${suffix}`),
    state: join(dir, `save_state_${suffix}`),
    env: join(dir, `set_env_${suffix}`),
    summary: join(dir, `step_summary_${suffix}`),
  }
  for (const path of Object.values(files)) writeFileSync(path, '')
  return files
}

export function stepFilesEnv(files: StepFiles): Record<string, string> {
  return {
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
  }
}

/**
 * Reads `name=value` lines and `name<<delimiter` heredocs as the runner does: a heredoc value is
 * every line up to the delimiter line, joined with '\n'. A later line for the same name wins.
 * A heredoc without its closing delimiter fails the step on a runner; here it throws.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    if (line === '') continue

    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      values[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0)
      throw new Error(`file command line ${index + 1} is neither name=value nor a heredoc`)

    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    const end = lines.indexOf(delimiter, index + 1)
    if (end < 0) throw new Error(`file command ${name}: no closing delimiter ${delimiter}`)
    values[name] = lines.slice(index + 1, end).join('\n')
    index = end
  }
  return values
}

export function readFileCommands(path: string): Record<string, string> {
  return parseFileCommands(readFileSync(path, 'utf8'))
}
