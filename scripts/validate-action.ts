// Checks action.yml with GitHub's own parser (@actions/workflow-parser), which knows node24.
// Run through tsx: the parser's dist imports JSON in a way plain Node 20 refuses.
import { readFileSync } from 'node:fs'

import { NoOperationTraceWriter } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'

const file = process.argv[2] ?? 'action.yml'
const result = parseAction(
  { name: file, content: readFileSync(file, 'utf8') },
  new NoOperationTraceWriter(),
)
const errors = result.context.errors.getErrors()
for (const error of errors) console.error(`${file}: ${error.message}`)
if (errors.length > 0) process.exit(1)
console.log(`${file}: valid`)
