// Checks action.yml and the workflows with GitHub's own parser (@actions/workflow-parser), the one
// the service runs: it knows node24, and it reads a workflow further than actionlint does (job
// graph, matrix, expressions in the places GitHub allows them).
// Run through tsx: the parser's dist imports JSON in a way plain Node 20 refuses.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'

const WORKFLOWS = join('.github', 'workflows')
const ACTION_FILE = /(^|[/\\])action\.ya?ml$/
const YAML = /\.ya?ml$/

function actionErrors(file: string): string[] {
  const result = parseAction(
    { name: file, content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  )
  return result.context.errors.getErrors().map((error) => error.message)
}

async function workflowErrors(file: string): Promise<string[]> {
  const result = parseWorkflow(
    { name: file, content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  )

  // The conversion adds the checks that need the whole document, such as a `needs` naming no job.
  // It fetches no reusable workflow (fetch depth 0), so it stays offline.
  if (result.value !== undefined) await convertWorkflowTemplate(result.context, result.value)
  return result.context.errors.getErrors().map((error) => error.message)
}

/** action.yml, the local actions the workflows use, and the workflows. */
function defaultFiles(): string[] {
  const underGithub = (readdirSync('.github', { recursive: true }) as string[]).map((name) =>
    join('.github', name),
  )
  const localActions = underGithub.filter((file) => ACTION_FILE.test(file))
  const workflows = underGithub.filter((file) => dirname(file) === WORKFLOWS && YAML.test(file))
  return ['action.yml', ...localActions, ...workflows]
}

async function main(): Promise<void> {
  const files = process.argv.length > 2 ? process.argv.slice(2) : defaultFiles()

  let failed = false
  for (const file of files) {
    const errors = ACTION_FILE.test(file) ? actionErrors(file) : await workflowErrors(file)
    // Each message starts with the file name and the line.
    for (const error of errors) console.error(error)
    if (errors.length > 0) failed = true
    else console.log(`${file}: valid`)
  }
  if (failed) process.exitCode = 1
}

await main()
