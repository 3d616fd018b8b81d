import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { ActionError } from '../../src/action-error.js'
import { buildCreateRunnerRequest, type SpecInput } from '../../src/spec/build-request.js'

let workspace: string
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'spec-errors-'))
})
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

/** Written into many documents: no message may ever show it. */
const SECRET = 'Pa55-w0rd-never-shown'
const metrics = `spec:\n  configuration:\n    metrics:\n      password: "${SECRET}"\n`
const LONG_NAME = 'r'.repeat(128)

interface Case {
  name: string
  file?: string
  inline?: string
  inputs?: Partial<Record<SpecInput, string>>
  message: string
  /** Line and column of the annotation on the spec file. */
  at?: [number, number]
}

function failure(sources: { file?: string; inline?: string; inputs?: Case['inputs'] }) {
  if (sources.file !== undefined) writeFileSync(join(workspace, 'runner.yaml'), sources.file)
  try {
    buildCreateRunnerRequest({
      specFile: sources.file === undefined ? '' : 'runner.yaml',
      workspace,
      inlineSpec: sources.inline ?? '',
      inputs: sources.inputs ?? {},
      onSecret: () => {},
    })
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
  throw new Error('expected an ActionError, but the request was built')
}

// Each message names its source (file and position, or input), field, bad value and fix.
const cases: Case[] = [
  {
    name: 'YAML: a quoted value not closed',
    file: `provider: gcp
name: "runner
${metrics}`,
    message:
      'spec-file runner.yaml, line 2, column 14: YAML syntax error: a quoted value is not closed; add the closing quote',
    at: [2, 14],
  },
  {
    name: 'JSON: a { not closed',
    file: `{
  "provider": "gcp",
  "name": "runner"
`,
    message:
      'spec-file runner.yaml, line 4, column 1: JSON syntax error: a { mapping is not closed; add the closing }',
    at: [4, 1],
  },
  {
    name: 'JSON: a comma missing',
    file: `{
  "provider": "gcp"
  "name": "runner"
}
`,
    message:
      'spec-file runner.yaml, line 3, column 3: JSON syntax error: a comma is missing between items',
    at: [3, 3],
  },
  {
    name: 'YAML: a value runs into a nested mapping',
    file: `provider: gcp
name: a: b
${metrics}`,
    message:
      'spec-file runner.yaml, line 2, column 7: YAML syntax error: a value runs into a nested mapping; put a value that contains ": " in quotes, and indent nested fields on their own lines',
    at: [2, 7],
  },
  {
    name: 'YAML: a field indented wrongly',
    inline: `provider: gcp
spec:
    desiredPhase: active
  variant: standard
`,
    message:
      'spec input, line 4, column 1: YAML syntax error: this line is indented wrongly; indent the fields of one mapping to the same column',
  },
  {
    name: 'tabs used for indentation',
    file: `provider: gcp
spec:
\tdesiredPhase: active
`,
    message:
      'spec-file runner.yaml, line 3, column 1: tabs are used for indentation; YAML allows only spaces there: replace the tabs with spaces',
    at: [3, 1],
  },
  {
    name: 'two YAML documents',
    file: `provider: gcp
---
name: other
`,
    message:
      'spec-file runner.yaml, line 2, column 1: the text holds more than one YAML document (a second ---); a runner spec is one document',
    at: [2, 1],
  },
  {
    name: 'a YAML anchor and alias',
    file: `provider: gcp
name: &n runner
spec:
  configuration:
    region: *n
`,
    message:
      'spec-file runner.yaml, line 5, column 13: spec.configuration.region is a YAML alias (*); aliases are not supported: write the value out',
    at: [5, 13],
  },
  {
    name: 'unknown field at the top level',
    file: `nmae: runner
provider: gcp
`,
    message:
      'spec-file runner.yaml, line 1, column 1: unknown field "nmae" at the top level; did you mean "name"?',
    at: [1, 1],
  },
  {
    name: 'unknown field in spec.configuration',
    file: `provider: aws-ec2
spec:
  configuration:
    regoin: us-west
`,
    message:
      'spec-file runner.yaml, line 4, column 5: unknown field "regoin" in spec.configuration; did you mean "region"?',
    at: [4, 5],
  },
  {
    name: 'unknown field with no close name',
    file: `provider: gcp
spec:
  colour: blue
`,
    message:
      'spec-file runner.yaml, line 3, column 3: unknown field "colour" in spec; valid fields: desiredPhase, configuration, variant',
    at: [3, 3],
  },
  {
    name: 'unknown snake_case field',
    inline: `provider: gcp
spec:
  desired_phse: active
`,
    message:
      'spec input, line 3, column 3: unknown field "desired_phse" in spec; did you mean "desired_phase"?',
  },
  {
    name: 'unknown field next to a password',
    file: `provider: gcp
spec:
  configuration:
    metrics:
      password: "${SECRET}"
      usernme: runner
`,
    message:
      'spec-file runner.yaml, line 6, column 7: unknown field "usernme" in spec.configuration.metrics; did you mean "username"?',
    at: [6, 7],
  },
  {
    name: 'duplicate field',
    file: `name: one
provider: gcp
name: two
`,
    message:
      'spec-file runner.yaml, line 3, column 1: field "name" at the top level is already set on line 1; keep one',
    at: [3, 1],
  },
  {
    name: 'duplicate field in two spellings',
    inline: `provider: gcp
spec:
  desiredPhase: active
  desired_phase: inactive
`,
    message:
      'spec input, line 4, column 3: field "desired_phase" in spec is already set on line 3 as "desiredPhase"; keep one',
  },
  {
    name: 'duplicate password',
    file: `provider: gcp
spec:
  configuration:
    metrics:
      password: "${SECRET}"
      password: "${SECRET}"
`,
    message:
      'spec-file runner.yaml, line 6, column 7: field "password" in spec.configuration.metrics is already set on line 5; keep one',
    at: [6, 7],
  },
  {
    name: 'boolean written as text',
    file: `provider: gcp
spec:
  configuration:
    autoUpdate: "true"
`,
    message:
      'spec-file runner.yaml, line 4, column 17: spec.configuration.autoUpdate must be true or false, not the text "true"; remove the quotes',
    at: [4, 17],
  },
  {
    name: 'boolean written as yes',
    file: `provider: gcp
spec:
  configuration:
    autoUpdate: yes
`,
    message:
      'spec-file runner.yaml, line 4, column 17: spec.configuration.autoUpdate must be true or false, not the text "yes"',
    at: [4, 17],
  },
  {
    name: 'name written as a number',
    file: `provider: gcp
name: 2024
`,
    message:
      'spec-file runner.yaml, line 2, column 7: name must be text, not the number 2024; put the value in quotes',
    at: [2, 7],
  },
  {
    name: 'spec written as a list',
    file: `provider: gcp
spec:
  - desiredPhase: active
`,
    message:
      'spec-file runner.yaml, line 3, column 3: spec must be a mapping of the fields desiredPhase, configuration, variant, not a list',
    at: [3, 3],
  },
  {
    name: 'region written as a mapping',
    file: `provider: gcp
spec:
  configuration:
    region: {name: eu}
`,
    message:
      'spec-file runner.yaml, line 4, column 13: spec.configuration.region must be text, not a mapping; put the value in quotes',
    at: [4, 13],
  },
  {
    name: 'password written as a number',
    file: `provider: gcp
spec:
  configuration:
    metrics:
      password: 123456789
`,
    message:
      'spec-file runner.yaml, line 5, column 17: spec.configuration.metrics.password must be text; put the value in quotes',
    at: [5, 17],
  },
  {
    name: 'encryptedHoneycombApiKey not base64',
    file: `provider: gcp
spec:
  configuration:
    encryptedHoneycombApiKey: "${SECRET}!"
`,
    message:
      'spec-file runner.yaml, line 4, column 31: spec.configuration.encryptedHoneycombApiKey is not valid base64; give the encrypted key base64-encoded',
    at: [4, 31],
  },
  {
    name: 'enum typo in the spec file',
    file: `provider: gcp
spec:
  configuration:
    releaseChannel: RUNNER_RELEASE_CHANNEL_STABEL
`,
    message:
      'spec-file runner.yaml, line 4, column 21: spec.configuration.releaseChannel "RUNNER_RELEASE_CHANNEL_STABEL" is not a release channel; did you mean "RUNNER_RELEASE_CHANNEL_STABLE"? Valid values: RUNNER_RELEASE_CHANNEL_STABLE, RUNNER_RELEASE_CHANNEL_LATEST',
    at: [4, 21],
  },
  {
    name: 'enum typo in a short form',
    inline: `provider: gcp
spec:
  desiredPhase: activ
`,
    message:
      'spec input, line 3, column 17: spec.desiredPhase "activ" is not a runner phase; did you mean "active"? Valid values: created, inactive, active, deleting, deleted, degraded',
  },
  {
    name: 'enum typo in an input',
    inputs: { provider: 'aws-ec3' },
    message:
      'input provider: "aws-ec3" is not a runner provider; did you mean "aws-ec2"? Valid values: aws-ec2, managed, gcp, dev-agent',
  },
  {
    name: 'enum value far from any',
    inputs: { provider: 'gcp', 'log-level': 'verbose' },
    message:
      'input log-level: "verbose" is not a log level. Valid values: debug, info, warn, error',
  },
  {
    name: 'enum written as a number',
    file: `provider: gcp
spec:
  variant: 2
`,
    message:
      'spec-file runner.yaml, line 3, column 12: spec.variant must be a runner variant such as RUNNER_VARIANT_STANDARD or standard, not the number 2',
    at: [3, 12],
  },
  {
    name: 'provider and kind in one file',
    file: `provider: gcp
kind: remote
${metrics}`,
    message:
      'spec-file runner.yaml, line 2, column 7: kind and provider are both set, but the API takes only one: remove kind (provider implies the kind)',
    at: [2, 7],
  },
  {
    name: 'provider and kind as inputs',
    inputs: { provider: 'gcp', kind: 'remote' },
    message:
      'input kind: kind and provider are both set, but the API takes only one: remove kind (provider implies the kind)',
  },
  {
    name: 'neither provider nor kind',
    file: `name: runner
${metrics}`,
    message:
      'No runner provider is set: set the provider input (e.g. provider: aws-ec2), or provider at the top level of the spec file or spec input (e.g. provider: RUNNER_PROVIDER_AWS_EC2)',
  },
  {
    name: 'runnerManagerId missing for managed',
    file: `provider: managed
${metrics}`,
    message:
      "spec-file runner.yaml, line 1, column 11: provider RUNNER_PROVIDER_MANAGED needs a runner manager: set the runner-manager-id input, or runnerManagerId at the top level of the spec file or spec input, to the runner manager's UUID",
    at: [1, 11],
  },
  {
    name: 'runnerManagerId for another provider',
    file: `provider: aws-ec2
runnerManagerId: 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e
`,
    message:
      'spec-file runner.yaml, line 2, column 18: runnerManagerId is only for managed runners (provider managed), but the provider is RUNNER_PROVIDER_AWS_EC2: remove runnerManagerId',
    at: [2, 18],
  },
  {
    name: 'runner-manager-id input with no provider managed',
    inputs: { kind: 'remote', 'runner-manager-id': '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    message:
      'input runner-manager-id: a runner manager is only for managed runners (provider managed), but the kind is RUNNER_KIND_REMOTE: remove this input',
  },
  {
    name: 'runnerManagerId not a UUID',
    file: `provider: managed
runnerManagerId: manager-1
`,
    message:
      'spec-file runner.yaml, line 2, column 18: runnerManagerId "manager-1" is not a UUID; give the runner manager\'s id, e.g. 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
    at: [2, 18],
  },
  {
    name: 'runner-manager-id input not a UUID',
    inputs: { provider: 'managed', 'runner-manager-id': '182bd5e5' },
    message:
      'input runner-manager-id: "182bd5e5" is not a UUID; give the runner manager\'s id, e.g. 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
  },
  {
    name: 'name too short in the file',
    file: `provider: gcp
name: ab
${metrics}`,
    message:
      'spec-file runner.yaml, line 2, column 7: name "ab" is 2 characters long; a runner name needs 3 to 127 characters',
    at: [2, 7],
  },
  {
    name: 'name too long as an input',
    inputs: { provider: 'gcp', name: LONG_NAME },
    message: `input name: "${'r'.repeat(60)}…" is 128 characters long; a runner name needs 3 to 127 characters`,
  },
  {
    name: 'update window hour out of range',
    file: `provider: gcp
spec:
  configuration:
    updateWindow:
      startHour: 24
`,
    message:
      'spec-file runner.yaml, line 5, column 18: spec.configuration.updateWindow.startHour 24 is out of range; use a UTC hour from 0 to 23',
    at: [5, 18],
  },
  {
    name: 'update window hour not whole',
    inline: `provider: gcp
spec:
  configuration:
    updateWindow: {startHour: 1.5}
`,
    message:
      'spec input, line 4, column 31: spec.configuration.updateWindow.startHour 1.5 is not a whole hour; use a UTC hour from 0 to 23',
  },
  {
    name: 'update window too short',
    file: `provider: gcp
spec:
  configuration:
    updateWindow:
      startHour: 22
      endHour: 23
`,
    message:
      'spec-file runner.yaml, line 5, column 7: spec.configuration.updateWindow 22-23 is 1 hour long; an update window needs at least 2 hours, e.g. 22-0',
    at: [5, 7],
  },
  {
    name: 'update window without a start',
    file: `provider: gcp
spec:
  configuration:
    updateWindow:
      endHour: 4
`,
    message:
      'spec-file runner.yaml, line 5, column 7: spec.configuration.updateWindow has no startHour; set startHour to a UTC hour (0 to 23); endHour defaults to startHour + 2',
    at: [5, 7],
  },
  {
    name: 'update-window input too short',
    inputs: { provider: 'gcp', 'update-window': '5-5' },
    message:
      'input update-window: 5-5 is 0 hours long; an update window needs at least 2 hours, e.g. 5-7',
  },
  {
    name: 'update-window input out of range',
    inputs: { provider: 'gcp', 'update-window': '25-3' },
    message: 'input update-window: 25 is out of range; use a UTC hour from 0 to 23',
  },
  {
    name: 'update-window input unreadable',
    inputs: { provider: 'gcp', 'update-window': 'nightly' },
    message:
      'input update-window: "nightly" is not an update window; write START-END in UTC hours, e.g. 22-4, or START alone for a two-hour window',
  },
  {
    name: 'auto-update input not a boolean',
    inputs: { provider: 'gcp', 'auto-update': 'yes' },
    message: 'input auto-update: "yes" is not a boolean; write true or false',
  },
  {
    name: 'devcontainer-image-cache input not a boolean',
    inputs: { provider: 'gcp', 'devcontainer-image-cache': '1' },
    message: 'input devcontainer-image-cache: "1" is not a boolean; write true or false',
  },
  {
    name: 'an empty spec file',
    file: ``,
    message:
      'spec-file runner.yaml: the document is empty; write a mapping of fields such as provider and spec, or leave the spec-file input unset',
    at: [1, 1],
  },
  {
    name: 'an inline spec of comments only',
    inline: `# provider: gcp
`,
    message:
      'spec input: the document is empty; write a mapping of fields such as provider and spec, or leave the spec input unset',
  },
  {
    name: 'top level a list',
    file: `- provider: gcp
`,
    message:
      'spec-file runner.yaml, line 1, column 1: the top level must be a mapping of fields such as name, provider and spec, not a list',
    at: [1, 1],
  },
  {
    name: 'top level a single value',
    file: `${SECRET}
`,
    message:
      'spec-file runner.yaml, line 1, column 1: the top level must be a mapping of fields such as name, provider and spec, not a single value',
    at: [1, 1],
  },
]

describe('every mistake is one line naming the source, field, value and fix', () => {
  it.each(cases)('$name', ({ file, inline, inputs, message, at }) => {
    const error = failure({ file, inline, inputs })

    expect(error.message).toBe(message)
    expect(error.message).not.toContain('\n')
    expect(error.message).not.toContain(SECRET)
    if (file !== undefined && at !== undefined) {
      expect(error.annotation).toEqual({
        file: 'runner.yaml',
        startLine: at[0],
        startColumn: at[1],
      })
    } else if (file === undefined) {
      expect(error.annotation).toBeUndefined()
    }
  })

  it('covers the whole catalogue', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50)
  })
})

describe('secrets stay out of messages even when they are the mistake', () => {
  const password = (value: string) =>
    `provider: gcp\nspec:\n  configuration:\n    metrics:\n      password: ${value}\n`

  it.each([
    ['written as a number', password('918273645'), '918273645'],
    ['written as a boolean-looking word', password('True'), 'true'],
    ['given as a list', password('[918273645]'), '918273645'],
    [
      'under a misspelt field',
      password('x').replace('password: x', 'pasword: 918273645'),
      '918273645',
    ],
    [
      'as a base64 key with a typo',
      `provider: gcp\nspec:\n  configuration:\n    encryptedHoneycombApiKey: "91827?3645"\n`,
      '91827',
    ],
  ])('a password %s', (_, file, secret) => {
    const error = failure({ file })
    expect(error.message.toLowerCase()).not.toContain(secret.toLowerCase())
  })
})

describe('spec files that cannot be read', () => {
  function specFileFailure(specFile: string) {
    try {
      buildCreateRunnerRequest({
        specFile,
        workspace,
        inputs: { provider: 'gcp' },
        onSecret: () => {},
      })
    } catch (error) {
      if (error instanceof ActionError) return error
      throw error
    }
    throw new Error('expected an ActionError, but the request was built')
  }

  it('says where it looked for a missing file, and what GITHUB_WORKSPACE is', () => {
    const error = specFileFailure('config/missing.yaml')

    expect(error.message).toBe(
      `spec-file "config/missing.yaml" not found: looked for ${join(workspace, 'config/missing.yaml')} ` +
        `(GITHUB_WORKSPACE is ${workspace}); the path is relative to the workspace: check it, ` +
        'and check out the repository before this step',
    )
    expect(error.annotation).toBeUndefined()
  })

  it('refuses a directory', () => {
    mkdirSync(join(workspace, 'specs'), { recursive: true })

    expect(specFileFailure('specs').message).toBe(
      `spec-file specs is a directory (${join(workspace, 'specs')}); ` +
        'give the path of a YAML or JSON file',
    )
  })

  it('refuses a file larger than 1 MiB before reading it', () => {
    writeFileSync(join(workspace, 'huge.yaml'), `# ${'x'.repeat(1024 * 1024)}\nprovider: gcp\n`)
    const error = specFileFailure('huge.yaml')

    expect(error.message).toBe(
      'spec-file huge.yaml is 1048593 bytes, more than the 1 MiB (1048576 bytes) a runner spec ' +
        'may take; check that the path names the runner spec',
    )
    expect(error.annotation).toEqual({ file: 'huge.yaml' })
  })

  it('accepts a file of exactly 1 MiB', () => {
    const content = 'provider: gcp\n'
    writeFileSync(join(workspace, 'full.yaml'), content + '#'.repeat(1024 * 1024 - content.length))

    const { request } = buildCreateRunnerRequest({
      specFile: 'full.yaml',
      workspace,
      inputs: {},
      onSecret: () => {},
    })
    expect(request).toEqual({ provider: 'RUNNER_PROVIDER_GCP' })
  })
})

describe('a spec file saved as UTF-16', () => {
  it('says to save it as UTF-8', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { buildCreateRunnerRequest } = await import('../../src/spec/build-request.js')
    const workspace = mkdtempSync(join(tmpdir(), 'utf16-'))
    const text = Buffer.from('\uFEFFprovider: aws-ec2\n', 'utf16le')
    writeFileSync(join(workspace, 'runner.yaml'), text)

    expect(() =>
      buildCreateRunnerRequest({
        specFile: 'runner.yaml',
        workspace,
        inputs: {},
        onSecret: () => undefined,
      }),
    ).toThrow('spec-file runner.yaml: the file is UTF-16 text; save it as UTF-8')
  })
})
