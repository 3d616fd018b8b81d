/** Workflow commands (`::name key=value,key=value::message`) as the runner reads them. */

export interface WorkflowCommand {
  name: string
  properties: Record<string, string>
  message: string
}

/** The commands the harness acts on; any other `::x::` line is printed as plain text. */
export const KNOWN_COMMANDS = new Set([
  'add-mask',
  'debug',
  'error',
  'warning',
  'notice',
  'group',
  'endgroup',
])

export function parseCommand(line: string): WorkflowCommand | undefined {
  const text = line.trimStart()
  if (!text.startsWith('::')) return undefined

  const end = text.indexOf('::', 2)
  if (end < 0) return undefined

  const head = text.slice(2, end)
  const space = head.indexOf(' ')
  const name = space < 0 ? head : head.slice(0, space)
  if (!KNOWN_COMMANDS.has(name)) return undefined

  const properties: Record<string, string> = {}
  const list = space < 0 ? '' : head.slice(space + 1)
  for (const pair of list.split(',')) {
    const equals = pair.indexOf('=')
    if (equals > 0) properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1))
  }

  return { name, properties, message: unescapeData(text.slice(end + 2)) }
}

const DATA_ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n' }
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' }

// One pass, so that an escaped '%' (`%253A`) never turns into a second escape.
export function unescapeData(value: string): string {
  return value.replace(/%(25|0D|0A)/g, (token) => DATA_ESCAPES[token] ?? token)
}

export function unescapeProperty(value: string): string {
  return value.replace(/%(25|0D|0A|3A|2C)/g, (token) => PROPERTY_ESCAPES[token] ?? token)
}
