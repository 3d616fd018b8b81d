import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml'
import { camelCase, secretFieldNames } from './fields.js'
import { editDistance } from './nearest.js'
import type { Place } from './place.js'

/** Which document this is, for messages: `spec-file runner.yaml` or `spec input`. */
export interface DocumentSource {
  label: string
  /** The action input the document came from. */
  input: 'spec-file' | 'spec'
  /** The spec file's path relative to the workspace, for annotations; none for the inline spec. */
  file?: string
}

export interface ParsedDocument {
  source: DocumentSource
  document: Document.Parsed
  lineCounter: LineCounter
  syntax: 'YAML' | 'JSON'
}

/**
 * Parses YAML or JSON (YAML reads JSON too, with line and column for every node) and hands every
 * secret it finds to `onSecret` straight away, before any check can fail and print something.
 */
export function parseSpecDocument(
  text: string,
  source: DocumentSource,
  onSecret: (value: string) => void,
): ParsedDocument {
  // Dropping the byte-order mark keeps the columns of line 1 right.
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text
  const lineCounter = new LineCounter()

  // Duplicate keys are found by the reader, which also knows `desired_phase` = `desiredPhase`.
  const document = parseDocument(withoutBom, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
  })
  maskSecrets(document, onSecret)

  const syntax = /^\s*[{[]/.test(withoutBom) ? 'JSON' : 'YAML'
  return { source, document, lineCounter, syntax }
}

/** The place of a character offset, with the annotation a spec file gets. */
export function placeAt(parsed: ParsedDocument, offset: number, field?: string): Place {
  const { line, col } = parsed.lineCounter.linePos(offset)
  const { label, file } = parsed.source
  const annotation = file === undefined ? undefined : { file, startLine: line, startColumn: col }
  return { where: `${label}, line ${line}, column ${col}`, field, annotation }
}

// Runs over the whole tree, broken parts included, and also takes a misspelt secret field
// (`pasword`): the user meant it as a secret even though the reader will refuse the name.
function maskSecrets(document: Document.Parsed, onSecret: (value: string) => void): void {
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isSecretName(String(pair.key.value))) return
      if (!isScalar(pair.value) || pair.value.value === null) return

      const written = new Set([pair.value.source, String(pair.value.value)])
      for (const value of written) if (value !== undefined && value !== '') onSecret(value)
    },
  })
}

function isSecretName(key: string): boolean {
  const name = camelCase(key).toLowerCase()
  return secretFieldNames.some((secret) => editDistance(name, secret.toLowerCase()) <= 2)
}
