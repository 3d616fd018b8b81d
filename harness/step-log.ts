import { maskText } from './masking.js'
import type { Annotation, AnnotationLevel } from './types.js'
import { parseCommand } from './workflow-commands.js'

export interface StepLog {
  log: string
  annotations: Annotation[]
  masks: string[]
}

/**
 * Turns the step's output lines (stdout and stderr, in arrival order: the runner reads commands
 * from both) into what the runner shows. Masks apply from the line that registers them onwards,
 * as on a runner, so a secret printed before its `::add-mask::` stays visible in `log`.
 * `jobMasks` are the masks earlier steps of the job registered; they apply from the start.
 */
export function renderStepLog(lines: string[], jobMasks: string[], debug: boolean): StepLog {
  const masks: string[] = []
  const active = new Set(jobMasks)
  const annotations: Annotation[] = []
  const shown: string[] = []

  for (const line of lines) {
    const command = parseCommand(line)
    if (!command) {
      shown.push(maskText(line, active))
      continue
    }

    const message = maskText(command.message, active)
    switch (command.name) {
      case 'add-mask':
        // An empty mask is ignored by the runner (it would hide nothing useful).
        if (command.message !== '') {
          masks.push(command.message)
          active.add(command.message)
        }
        break
      case 'debug':
        if (debug) shown.push(`##[debug]${message}`)
        break
      case 'group':
        shown.push(`##[group]${message}`)
        break
      case 'endgroup':
        shown.push('##[endgroup]')
        break
      default: {
        const level = command.name as AnnotationLevel
        const properties = Object.fromEntries(
          Object.entries(command.properties).map(([key, value]) => [key, maskText(value, active)]),
        )
        annotations.push({ level, message, properties })
        shown.push(`##[${level}]${message}`)
      }
    }
  }

  return { log: shown.join('\n'), annotations, masks }
}
