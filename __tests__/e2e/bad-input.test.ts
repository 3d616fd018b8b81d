import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { findSecrets } from '../../harness/find-secrets.js'
import type { StepResult } from '../../harness/types.js'
import { jobWithEmulator, writeCalls, type JobWithEmulator } from './job-with-emulator.js'

/**
 * The catalogue of bad input, each run as a real main step against the emulator: the step fails
 * with one error annotation that names the input or field and the fix, sends nothing, shows no
 * secret, and its post step has nothing to clean up.
 */

let setup: JobWithEmulator | undefined
afterEach(async () => {
  await setup?.close()
  setup = undefined
})

/** A metrics password written into many documents: no step may ever show it. */
const PASSWORD = 'Pa55-w0rd-never-shown'
const UUID = '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e'
const LONG_NAME = 'r'.repeat(128)

/** A spec.configuration block holding the password, to be followed by more of its fields. */
const configurationWithPassword = `spec:
  configuration:
    metrics:
      password: "${PASSWORD}"
`

interface BadInput {
  name: string
  /** Inputs over the emulator's api-url and token; `spec-file: runner.yaml` comes with `file`. */
  inputs?: Record<string, string>
  /** The spec file's text, written to runner.yaml in the workspace. */
  file?: string
  /** Prepares the workspace some other way: a folder, a huge file. */
  workspace?: (dir: string) => void
  /** Fragments of the error annotation: the input or field it names, and the fix. */
  says: (string | RegExp)[]
  /** Where the annotation points in runner.yaml: line and column. */
  at?: [number, number]
  /** Values besides the API token and the password that must appear nowhere. */
  secrets?: string[]
}

const syntaxErrors: BadInput[] = [
  {
    name: 'YAML: a quoted value not closed',
    file: `provider: gcp\nname: "runner\n${configurationWithPassword}`,
    says: ['spec-file runner.yaml, line 2, column 14', 'add the closing quote'],
    at: [2, 14],
  },
  {
    name: 'JSON: a { not closed',
    file: `{
  "provider": "gcp",
  "spec": {"configuration": {"metrics": {"password": "${PASSWORD}"}}}
`,
    says: ['JSON syntax error', 'add the closing }'],
    at: [4, 1],
  },
  {
    name: 'JSON: a comma missing',
    file: `{\n  "provider": "gcp"\n  "name": "runner"\n}\n`,
    says: ['JSON syntax error', 'a comma is missing'],
    at: [3, 3],
  },
  {
    name: 'YAML: a field indented wrongly',
    inputs: { spec: 'provider: gcp\nspec:\n    desiredPhase: active\n  variant: standard\n' },
    says: ['spec input, line 4, column 1', 'indent the fields of one mapping to the same column'],
  },
  {
    name: 'tabs used for indentation',
    file: `provider: gcp\nspec:\n\tdesiredPhase: active\n`,
    says: ['replace the tabs with spaces'],
    at: [3, 1],
  },
  {
    name: 'two YAML documents in one file',
    file: `provider: gcp\n---\nname: other\n`,
    says: ['more than one YAML document', 'a runner spec is one document'],
    at: [2, 1],
  },
  {
    name: 'a YAML alias',
    file: `provider: gcp\nname: &n runner\nspec:\n  configuration:\n    region: *n\n`,
    says: ['spec.configuration.region', 'write the value out'],
    at: [5, 13],
  },
]

const unknownFields: BadInput[] = [
  {
    name: 'a token pasted into the spec file, which the message must not repeat',
    file: `provider: gcp\ntoken: gitpod_pat_pasted-4711\n`,
    says: ['unknown field "token" at the top level', 'valid fields: name, kind, provider'],
    at: [2, 1],
    secrets: ['gitpod_pat_pasted-4711'],
  },
  {
    name: 'unknown field at the top level',
    file: `nmae: runner\nprovider: gcp\n${configurationWithPassword}`,
    says: ['unknown field "nmae" at the top level', 'did you mean "name"?'],
    at: [1, 1],
  },
  {
    name: 'unknown field in spec',
    inputs: { spec: 'provider: gcp\nspec:\n  desiredPhse: active\n' },
    says: ['spec input, line 3, column 3', 'in spec', 'did you mean "desiredPhase"?'],
  },
  {
    name: 'unknown field in spec.configuration',
    file: `provider: aws-ec2\n${configurationWithPassword}    regoin: us-west\n`,
    says: ['in spec.configuration', 'did you mean "region"?'],
    at: [6, 5],
  },
  {
    name: 'unknown field in spec.configuration.metrics, beside the password',
    file: `provider: gcp\n${configurationWithPassword}      usernme: runner\n`,
    says: ['in spec.configuration.metrics', 'did you mean "username"?'],
    at: [6, 7],
  },
  {
    name: 'unknown field in spec.configuration.updateWindow',
    file: `provider: gcp\n${configurationWithPassword}    updateWindow:\n      startHr: 22\n`,
    says: ['in spec.configuration.updateWindow', 'did you mean "startHour"?'],
    at: [7, 7],
  },
  {
    name: 'unknown field in snake_case, answered in snake_case',
    inputs: { spec: 'provider: gcp\nspec:\n  desired_phse: active\n' },
    says: ['unknown field "desired_phse"', 'did you mean "desired_phase"?'],
  },
  {
    name: 'unknown field far from any, answered with the list',
    file: `provider: gcp\nspec:\n  colour: blue\n`,
    says: ['unknown field "colour" in spec', 'valid fields: desiredPhase, configuration, variant'],
    at: [3, 3],
  },
]

const wrongTypes: BadInput[] = [
  {
    name: 'boolean written as quoted text',
    file: `provider: gcp\n${configurationWithPassword}    autoUpdate: "true"\n`,
    says: ['spec.configuration.autoUpdate must be true or false', 'remove the quotes'],
    at: [6, 17],
  },
  {
    name: 'boolean written as yes',
    file: `provider: gcp\n${configurationWithPassword}    autoUpdate: yes\n`,
    says: ['spec.configuration.autoUpdate must be true or false', 'not the text "yes"'],
    at: [6, 17],
  },
  {
    name: 'name written as a number',
    file: `provider: gcp\nname: 2024\n${configurationWithPassword}`,
    says: ['name must be text, not the number 2024', 'put the value in quotes'],
    at: [2, 7],
  },
  {
    name: 'spec written as a list',
    file: `provider: gcp\nspec:\n  - desiredPhase: active\n`,
    says: ['spec must be a mapping of the fields desiredPhase, configuration, variant', 'a list'],
    at: [3, 3],
  },
  {
    name: 'region written as a mapping',
    file: `provider: gcp\n${configurationWithPassword}    region: {name: eu}\n`,
    says: ['spec.configuration.region must be text, not a mapping'],
    at: [6, 13],
  },
  {
    name: 'enum written as a number',
    file: `provider: gcp\nspec:\n  variant: 2\n`,
    says: ['spec.variant must be a runner variant such as RUNNER_VARIANT_STANDARD or standard'],
    at: [3, 12],
  },
  {
    name: 'password written as a number, which the message must not repeat',
    file: `provider: gcp\nspec:\n  configuration:\n    metrics:\n      password: 918273645\n`,
    says: ['spec.configuration.metrics.password must be text', 'put the value in quotes'],
    at: [5, 17],
    secrets: ['918273645'],
  },
]

const duplicates: BadInput[] = [
  {
    name: 'duplicate field',
    file: `name: one\nprovider: gcp\nname: two\n${configurationWithPassword}`,
    says: ['field "name" at the top level is already set on line 1', 'keep one'],
    at: [3, 1],
  },
  {
    name: 'duplicate field in two spellings',
    inputs: { spec: 'provider: gcp\nspec:\n  desiredPhase: active\n  desired_phase: inactive\n' },
    says: ['field "desired_phase" in spec is already set on line 3 as "desiredPhase"', 'keep one'],
  },
]

const enumTypos: BadInput[] = [
  {
    name: 'release channel typo in the spec file',
    file: `provider: gcp
${configurationWithPassword}    releaseChannel: RUNNER_RELEASE_CHANNEL_STABEL
`,
    says: [
      'spec.configuration.releaseChannel "RUNNER_RELEASE_CHANNEL_STABEL" is not a release channel',
      'did you mean "RUNNER_RELEASE_CHANNEL_STABLE"?',
    ],
    at: [6, 21],
  },
  {
    name: 'phase typo in the inline spec, in short form',
    inputs: { spec: 'provider: gcp\nspec:\n  desiredPhase: activ\n' },
    says: ['spec.desiredPhase "activ" is not a runner phase', 'did you mean "active"?'],
  },
  {
    name: 'provider input typo',
    inputs: { provider: 'aws-ec3' },
    says: ['input provider: "aws-ec3" is not a runner provider', 'did you mean "aws-ec2"?'],
  },
  {
    name: 'release-channel input typo',
    inputs: { provider: 'gcp', 'release-channel': 'stabel' },
    says: ['input release-channel', 'did you mean "stable"?'],
  },
  {
    name: 'variant input typo',
    inputs: { provider: 'gcp', variant: 'enterprize' },
    says: ['input variant', 'did you mean "enterprise"?'],
  },
  {
    name: 'log-level input far from any value',
    inputs: { provider: 'gcp', 'log-level': 'verbose' },
    says: [
      'input log-level: "verbose" is not a log level',
      'Valid values: debug, info, warn, error',
    ],
  },
]

const providerAndKind: BadInput[] = [
  {
    name: 'provider and kind both in the spec file',
    file: `provider: gcp\nkind: remote\n${configurationWithPassword}`,
    says: ['kind and provider are both set', 'remove kind'],
    at: [2, 7],
  },
  {
    name: 'provider and kind both in the inline spec',
    inputs: { spec: 'kind: RUNNER_KIND_REMOTE\nprovider: RUNNER_PROVIDER_GCP\n' },
    says: ['spec input, line 1, column 7', 'kind and provider are both set', 'remove kind'],
  },
  {
    name: 'provider and kind both as inputs',
    inputs: { provider: 'gcp', kind: 'remote' },
    says: ['input kind', 'kind and provider are both set', 'remove kind'],
  },
  {
    name: 'kind local-configuration as an input',
    inputs: { kind: 'local-configuration' },
    says: ['input kind', 'cannot be created', 'set provider aws-ec2 or gcp instead'],
  },
  {
    name: 'kind local-configuration in the spec file',
    file: `name: runner\nkind: RUNNER_KIND_LOCAL_CONFIGURATION\n${configurationWithPassword}`,
    says: ['kind RUNNER_KIND_LOCAL_CONFIGURATION cannot be created'],
    at: [2, 7],
  },
  {
    name: 'neither provider nor kind in the spec file',
    file: `name: runner\n${configurationWithPassword}`,
    says: ['No runner provider is set', 'at the top level of the spec file or spec input'],
  },
  {
    name: 'neither provider nor kind anywhere',
    inputs: { region: 'us-east-1' },
    says: ['No runner provider is set', 'provider: aws-ec2'],
  },
]

const runnerManager: BadInput[] = [
  {
    name: 'managed provider without a runner manager, in the spec file',
    file: `provider: managed\n${configurationWithPassword}`,
    says: ['needs a runner manager', 'set the runner-manager-id input, or runnerManagerId'],
    at: [1, 11],
  },
  {
    name: 'managed provider input without runner-manager-id',
    inputs: { provider: 'managed' },
    says: ['input provider', 'needs a runner manager', 'runner-manager-id'],
  },
  {
    name: 'runnerManagerId for an aws-ec2 runner, in the spec file',
    file: `provider: aws-ec2\nrunnerManagerId: ${UUID}\n${configurationWithPassword}`,
    says: ['runnerManagerId is only for managed runners', 'remove runnerManagerId'],
    at: [2, 18],
  },
  {
    name: 'runner-manager-id input for an aws-ec2 runner',
    inputs: { provider: 'aws-ec2', 'runner-manager-id': UUID },
    says: [
      'input runner-manager-id: a runner manager is only for managed runners',
      'the provider is RUNNER_PROVIDER_AWS_EC2: remove this input',
    ],
  },
  {
    name: 'runnerManagerId not a UUID, in the spec file',
    file: `provider: managed\nrunnerManagerId: manager-1\n`,
    says: ['runnerManagerId "manager-1" is not a UUID', `e.g. ${UUID}`],
    at: [2, 18],
  },
  {
    name: 'runner-manager-id input not a UUID',
    inputs: { provider: 'managed', 'runner-manager-id': '182bd5e5' },
    says: ['input runner-manager-id: "182bd5e5" is not a UUID'],
  },
]

const names: BadInput[] = [
  {
    name: 'name input too short',
    inputs: { provider: 'gcp', name: 'ab' },
    says: ['input name: "ab" is 2 characters long', 'needs 3 to 127 characters'],
  },
  {
    name: 'name input too long',
    inputs: { provider: 'gcp', name: LONG_NAME },
    says: ['input name', 'is 128 characters long', 'needs 3 to 127 characters'],
  },
  {
    name: 'name too short in the spec file',
    file: `provider: gcp\nname: ab\n${configurationWithPassword}`,
    says: ['name "ab" is 2 characters long', 'needs 3 to 127 characters'],
    at: [2, 7],
  },
  {
    name: 'name too long in the inline spec',
    inputs: { spec: `provider: gcp\nname: ${LONG_NAME}\n` },
    says: ['spec input, line 2, column 7', 'is 128 characters long', 'needs 3 to 127'],
  },
]

const updateWindows: BadInput[] = [
  {
    name: 'update window hour out of range',
    file: `provider: gcp\n${configurationWithPassword}    updateWindow:\n      startHour: 24\n`,
    says: ['spec.configuration.updateWindow.startHour 24 is out of range', 'from 0 to 23'],
    at: [7, 18],
  },
  {
    name: 'update window under two hours',
    file: `provider: gcp
spec:
  configuration:
    updateWindow:
      startHour: 22
      endHour: 23
`,
    says: ['spec.configuration.updateWindow 22-23 is 1 hour long', 'at least 2 hours, e.g. 22-0'],
    at: [5, 7],
  },
  {
    name: 'update window without a start',
    file: `provider: gcp\nspec:\n  configuration:\n    updateWindow:\n      endHour: 4\n`,
    says: ['spec.configuration.updateWindow has no startHour', 'set startHour'],
    at: [5, 7],
  },
  {
    name: 'update-window input unreadable',
    inputs: { provider: 'gcp', 'update-window': 'nightly' },
    says: ['input update-window: "nightly" is not an update window', 'e.g. 22-4'],
  },
  {
    name: 'update-window input hour out of range',
    inputs: { provider: 'gcp', 'update-window': '25-3' },
    says: ['input update-window: 25 is out of range', 'from 0 to 23'],
  },
  {
    name: 'update-window input under two hours',
    inputs: { provider: 'gcp', 'update-window': '5-6' },
    says: ['input update-window: 5-6 is 1 hour long', 'at least 2 hours, e.g. 5-7'],
  },
]

const documentShapes: BadInput[] = [
  {
    name: 'an empty spec file',
    file: '',
    says: ['spec-file runner.yaml: the document is empty', 'leave the spec-file input unset'],
    at: [1, 1],
  },
  {
    name: 'an inline spec of comments only',
    inputs: { spec: '# provider: gcp\n' },
    says: ['spec input: the document is empty', 'leave the spec input unset'],
  },
  {
    name: 'top level a list',
    file: `- provider: gcp\n`,
    says: ['the top level must be a mapping', 'not a list'],
    at: [1, 1],
  },
  {
    name: 'top level a single value: a password pasted by mistake',
    file: `${PASSWORD}\n`,
    says: ['the top level must be a mapping', 'not a single value'],
    at: [1, 1],
  },
  {
    name: 'a byte-order mark does not shift the columns of line 1',
    file: `\uFEFFnmae: runner\nprovider: gcp\n`,
    says: ['line 1, column 1', 'did you mean "name"?'],
    at: [1, 1],
  },
]

const specFiles: BadInput[] = [
  {
    name: 'spec file missing',
    inputs: { provider: 'gcp', 'spec-file': 'config/missing.yaml' },
    says: [
      'spec-file "config/missing.yaml"',
      /looked for \/.*\/config\/missing\.yaml/,
      'GITHUB_WORKSPACE is /',
    ],
  },
  {
    name: 'spec file a directory',
    inputs: { 'spec-file': 'specs' },
    workspace: (dir) => mkdirSync(join(dir, 'specs')),
    says: ['spec-file specs is a directory', 'give the path of a YAML or JSON file'],
  },
  {
    name: 'spec file larger than 1 MiB',
    inputs: { 'spec-file': 'huge.yaml' },
    workspace: (dir) =>
      writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(1024 * 1024)}\nprovider: gcp\n`),
    says: ['spec-file huge.yaml', 'more than the 1 MiB'],
  },
]

const otherInputs: BadInput[] = [
  {
    name: 'auto-update input not a boolean',
    inputs: { provider: 'gcp', 'auto-update': 'yes' },
    says: ['input auto-update: "yes" is not a boolean', 'write true or false'],
  },
  {
    name: 'devcontainer-image-cache input not a boolean',
    inputs: { provider: 'gcp', 'devcontainer-image-cache': '1' },
    says: ['input devcontainer-image-cache: "1" is not a boolean', 'write true or false'],
  },
  {
    name: 'cleanup input not a boolean',
    inputs: { provider: 'gcp', cleanup: 'maybe' },
    says: ['input cleanup: "maybe" is not a boolean', 'write true or false'],
  },
  {
    name: 'renew-interval input not a number',
    inputs: { provider: 'gcp', 'renew-interval': 'ten' },
    says: ['input renew-interval: "ten" is not a number', 'from 1 to 20'],
  },
  {
    name: 'renew-interval input longer than the registration lives',
    inputs: { provider: 'gcp', 'renew-interval': '30' },
    says: ['input renew-interval', 'out of range', 'use 1 to 20 seconds'],
  },
  {
    name: 'renew-interval input zero',
    inputs: { provider: 'gcp', 'renew-interval': '0' },
    says: ['input renew-interval', 'out of range', 'use 1 to 20 seconds'],
  },
  {
    name: 'keep-alive-timeout input negative',
    inputs: { provider: 'gcp', 'keep-alive-timeout': '-5' },
    says: ['input keep-alive-timeout: -5 minutes is out of range', 'use 1 to 7200 minutes'],
  },
  {
    name: 'keep-alive-timeout input beyond five days',
    inputs: { provider: 'gcp', 'keep-alive-timeout': '10000' },
    says: ['input keep-alive-timeout', 'out of range', 'use 1 to 7200 minutes'],
  },
  {
    name: 'renewal input unknown',
    inputs: { provider: 'gcp', renewal: 'heartbeat' },
    says: [
      'input renewal: "heartbeat" is not one of the choices',
      'use mark-active, update-runner or none',
    ],
  },
  {
    name: 'api-url not a URL',
    inputs: { provider: 'gcp', 'api-url': 'app.gitpod.io/api' },
    says: ['input api-url: the value is not a URL', 'e.g. https://app.gitpod.io/api'],
  },
  {
    name: 'api-url with ftp://',
    inputs: { provider: 'gcp', 'api-url': 'ftp://127.0.0.1/api' },
    says: ['input api-url: ftp: URLs are not supported', 'write https://'],
  },
  {
    name: 'api-url carrying credentials',
    inputs: { provider: 'gcp', 'api-url': 'http://runner:url-secret-4711@127.0.0.1:1/api' },
    says: [
      'input api-url: the URL must not carry credentials',
      'pass the token in the `token` input',
    ],
    secrets: ['url-secret-4711'],
  },
  {
    name: 'dry-run input not a boolean',
    inputs: { provider: 'gcp', 'dry-run': 'maybe' },
    says: ['input dry-run: "maybe" is not a boolean', 'write true or false'],
  },
  {
    name: 'a dry run with a spec mistake fails before proving the token',
    inputs: { provider: 'aws-ec3', 'dry-run': 'true' },
    says: ['input provider', 'did you mean "aws-ec2"?'],
  },
  {
    name: 'wait-for-phase input typo',
    inputs: { provider: 'gcp', 'wait-for-phase': 'activ' },
    says: ['input wait-for-phase', 'did you mean "active"?'],
  },
  {
    name: 'wait-timeout input zero',
    inputs: { provider: 'gcp', 'wait-timeout': '0' },
    says: ['input wait-timeout', 'out of range', 'use 1 to 3600 seconds'],
  },
  {
    name: 'timeout input too short for one retry',
    inputs: { provider: 'gcp', timeout: '5' },
    says: ['input timeout', 'out of range', 'use 10 to 3600 seconds'],
  },
  {
    name: 'token with whitespace inside',
    inputs: { provider: 'gcp', token: 'gitpod_pat_first-part-4711 second-part-4711' },
    says: ['input token: the token contains whitespace', 'exactly one personal access token'],
    secrets: ['gitpod_pat_first-part-4711', 'second-part-4711'],
  },
  {
    name: 'token empty and no environment variable',
    inputs: { provider: 'gcp', token: '' },
    says: ['input token: no token given', 'ONA_API_KEY', 'secrets.GITPOD_TOKEN'],
  },
]

/** Cases found by this catalogue and fixed since. */
const formerBugs: BadInput[] = [
  {
    // The credentials check once came after the scheme check, whose message quoted the URL.
    name: 'api-url with ftp:// and credentials',
    inputs: { provider: 'gcp', 'api-url': 'ftp://runner:url-secret-4711@127.0.0.1/api' },
    says: ['input api-url', 'must not carry credentials'],
    secrets: ['url-secret-4711'],
  },
  {
    // Main once left this input to the post step, so a typo waited for a failed delete.
    name: 'fail-on-cleanup-error input not a boolean',
    inputs: { provider: 'gcp', 'fail-on-cleanup-error': 'yes' },
    says: ['input fail-on-cleanup-error: "yes" is not a boolean'],
  },
]

const catalogue: BadInput[] = [
  ...syntaxErrors,
  ...unknownFields,
  ...wrongTypes,
  ...duplicates,
  ...enumTypos,
  ...providerAndKind,
  ...runnerManager,
  ...names,
  ...updateWindows,
  ...documentShapes,
  ...specFiles,
  ...otherInputs,
  ...formerBugs,
]

/** The text of the step's GITHUB_* files, where a secret must not land either. */
function fileCommandsText(step: StepResult): string {
  return Object.values(step.files)
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n')
}

function expectNoStackTrace(step: StepResult) {
  expect(step.stdout + step.stderr).not.toMatch(/\n\s+at /)
}

async function expectQuietPost(main: StepResult) {
  const { emulator, job } = setup!
  const post = await job.runPost(main)

  expect(post.failed).toBe(false)
  expect(post.annotations).toEqual([])
  expect(post.log).toContain('Nothing to clean up')
  expectNoStackTrace(post)
  expect(emulator.requests()).toEqual([])
  expect(job.processes()).toEqual([])
}

async function expectRefused(badInput: BadInput) {
  setup = await jobWithEmulator()
  const { emulator, job } = setup
  badInput.workspace?.(job.workspace)
  if (badInput.file !== undefined) writeFileSync(join(job.workspace, 'runner.yaml'), badInput.file)
  const fromFile: Record<string, string> =
    badInput.file === undefined ? {} : { 'spec-file': 'runner.yaml' }

  const main = await job.runMain({ ...setup.inputs, ...fromFile, ...badInput.inputs })

  expect(main.failed).toBe(true)
  expectNoStackTrace(main)
  const errors = main.annotations.filter((annotation) => annotation.level === 'error')
  expect(errors).toHaveLength(1)
  const [error] = errors
  for (const fragment of badInput.says) expect(error.message).toMatch(fragment)
  expect(error.message).not.toContain('\n')
  if (badInput.at !== undefined) {
    const [line, col] = badInput.at.map(String)
    expect(error.properties).toMatchObject({ file: 'runner.yaml', line, col })
  }
  if (badInput.file === undefined && badInput.workspace === undefined) {
    expect(error.properties.file).toBeUndefined()
  }

  expect(writeCalls(emulator)).toEqual([])
  expect(emulator.requests()).toEqual([])

  const secrets = [emulator.token, PASSWORD, ...(badInput.secrets ?? [])]
  expect(findSecrets(main, secrets)).toEqual([])
  expect(findSecrets(fileCommandsText(main), secrets)).toEqual([])

  await expectQuietPost(main)
}

describe('bad input fails main before any call, with one annotation that says the fix', () => {
  it.each(catalogue)('$name', expectRefused)

  it('holds the whole catalogue', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(50)
  })
})

describe('what is not a mistake', () => {
  it('reads a spec file that starts with a byte-order mark', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const spec = `\uFEFFname: bom-runner\nprovider: gcp\n${configurationWithPassword}`
    writeFileSync(join(job.workspace, 'runner.yaml'), spec)

    const main = await job.runMain({ ...inputs, 'spec-file': 'runner.yaml' })

    expect(main.failed).toBe(false)
    expect(main.annotations).toEqual([])
    const [registration] = emulator.registrations()
    expect(registration).toMatchObject({ name: 'bom-runner', provider: 'RUNNER_PROVIDER_GCP' })
    expect(main.masks).toContain(PASSWORD)
    expect(findSecrets(main, [emulator.token, PASSWORD])).toEqual([])

    const post = await job.runPost(main)
    expect(post.failed).toBe(false)
    expect(emulator.registrations()[0].deleted).toBe(true)
    expect(job.processes()).toEqual([])
  })

  it('sends every field of a CreateRunner request as the spec file wrote it', async () => {
    setup = await jobWithEmulator()
    const { emulator, job, inputs } = setup
    const honeycombKey = 'U3RhaW5sZXNzIHJvY2tz'
    writeFileSync(
      join(job.workspace, 'runner.yaml'),
      `name: every-field-runner
provider: RUNNER_PROVIDER_MANAGED
runnerManagerId: ${UUID}
spec:
  desiredPhase: RUNNER_PHASE_ACTIVE
  variant: RUNNER_VARIANT_ENTERPRISE
  configuration:
    region: eu-central-1
    releaseChannel: RUNNER_RELEASE_CHANNEL_LATEST
    autoUpdate: false
    metrics:
      enabled: true
      url: http://127.0.0.1:9/write
      username: runner
      password: "${PASSWORD}"
      managedMetricsEnabled: true
      includeVerboseMetrics: true
    logLevel: LOG_LEVEL_DEBUG
    devcontainerImageCacheEnabled: true
    updateWindow: { startHour: 22, endHour: 4 }
    encryptedHoneycombApiKey: "${honeycombKey}"
    continuousProfiling: true
`,
    )

    const main = await job.runMain({ ...inputs, 'spec-file': 'runner.yaml' })

    expect(main.failed).toBe(false)
    const create = emulator.requests().find((request) => request.method === 'CreateRunner')
    expect(create?.body).toEqual({
      name: 'every-field-runner',
      provider: 'RUNNER_PROVIDER_MANAGED',
      runnerManagerId: UUID,
      spec: {
        desiredPhase: 'RUNNER_PHASE_ACTIVE',
        variant: 'RUNNER_VARIANT_ENTERPRISE',
        configuration: {
          region: 'eu-central-1',
          releaseChannel: 'RUNNER_RELEASE_CHANNEL_LATEST',
          autoUpdate: false,
          metrics: {
            enabled: true,
            url: 'http://127.0.0.1:9/write',
            username: 'runner',
            password: PASSWORD,
            managedMetricsEnabled: true,
            includeVerboseMetrics: true,
          },
          logLevel: 'LOG_LEVEL_DEBUG',
          devcontainerImageCacheEnabled: true,
          updateWindow: { startHour: 22, endHour: 4 },
          encryptedHoneycombApiKey: honeycombKey,
          continuousProfiling: true,
        },
      },
    })
    expect(findSecrets(main, [emulator.token, PASSWORD, honeycombKey])).toEqual([])

    await job.runPost(main)
    expect(emulator.registrations()[0].deleted).toBe(true)
    expect(job.processes()).toEqual([])
  })
})
