import * as core from '@actions/core'

import type { Inputs } from '../inputs/read-inputs.js'
import { buildCreateRunnerRequest } from '../spec/build-request.js'
import { checkRunnerName, generateRunnerName } from '../spec/runner-name.js'
import type { CreateRunnerRequest } from '../spec/types.js'

export interface RunnerRequest {
  request: CreateRunnerRequest & { name: string }
  /** Whether this step made the name up, which makes a runner of that name provably its own. */
  nameGenerated: boolean
}

/**
 * The CreateRunner request this step sends: spec-file, then inline spec, then single inputs, with
 * a generated name when none of them sets one. Secrets in the documents are masked the moment
 * they are parsed; deprecated values become warnings.
 */
export function buildRunnerRequest(inputs: Inputs): RunnerRequest {
  const { request, warnings } = buildCreateRunnerRequest({
    specFile: inputs.specFile,
    workspace: process.env['GITHUB_WORKSPACE'] || process.cwd(),
    inlineSpec: inputs.inlineSpec,
    inputs: inputs.specInputs,
    onSecret: (secret) => core.setSecret(secret),
  })
  for (const warning of warnings) core.warning(warning.message, warning.annotation ?? {})

  if (request.name) {
    checkRunnerName(request.name, 'name')
    return { request: { ...request, name: request.name }, nameGenerated: false }
  }
  const name = generateRunnerName(process.env)
  core.debug(`No name given; generated "${name}".`)
  return { request: { ...request, name }, nameGenerated: true }
}
