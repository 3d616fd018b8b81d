import { checkMergedRequest, type SpecWarning } from './check-request.js'
import { readInputLayer, type SpecInput } from './input-layer.js'
import { mergeLayers, toRequest } from './layer.js'
import { parseSpecDocument } from './parse-document.js'
import { readSpecDocument } from './read-document.js'
import { readSpecFile } from './spec-file.js'
import type { CreateRunnerRequest } from './types.js'

export type { SpecInput } from './input-layer.js'
export type { SpecWarning } from './check-request.js'
export { checkRunnerName } from './values.js'

export interface SpecSources {
  /** The spec-file input as given; '' = not set. */
  specFile?: string
  /** GITHUB_WORKSPACE, which a relative spec-file path is resolved against. */
  workspace: string
  /** The spec input, the same kind of document as text; '' = not set. */
  inlineSpec?: string
  /** The non-empty single inputs, as written. */
  inputs: Partial<Record<SpecInput, string>>
  /** Called with each secret (metrics.password, encryptedHoneycombApiKey) as soon as it is read. */
  onSecret: (value: string) => void
}

export interface BuiltRequest {
  /** Without a name when no source set one: the caller generates it. */
  request: CreateRunnerRequest
  warnings: SpecWarning[]
}

/**
 * The CreateRunner request from three layers, later over earlier, field by field: the spec file,
 * the inline spec, the single inputs. Throws an ActionError naming the source, line and field of
 * the first mistake.
 */
export function buildCreateRunnerRequest(sources: SpecSources): BuiltRequest {
  const { specFile, workspace, inlineSpec, inputs, onSecret } = sources

  // Both documents are parsed, and so their secrets masked, before either is checked.
  const inline = isSet(inlineSpec)
    ? parseSpecDocument(inlineSpec, { label: 'spec input', input: 'spec' }, onSecret)
    : undefined
  const file = isSet(specFile) ? parseSpecFile(specFile, workspace, onSecret) : undefined
  const documents = [file, inline].filter((parsed) => parsed !== undefined)

  const layers = [...documents.map(readSpecDocument), readInputLayer(inputs)]
  const merged = mergeLayers(layers)
  const warnings = checkMergedRequest(merged)

  return { request: toRequest(merged), warnings }
}

function parseSpecFile(specFile: string, workspace: string, onSecret: (value: string) => void) {
  const { text, file } = readSpecFile(specFile, workspace)
  return parseSpecDocument(text, { label: `spec-file ${file}`, input: 'spec-file', file }, onSecret)
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}
