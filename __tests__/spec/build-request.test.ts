import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { buildCreateRunnerRequest, type SpecInput } from '../../src/spec/build-request.js'

let workspace: string
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'spec-build-'))
})
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

interface Sources {
  file?: string
  inline?: string
  inputs?: Partial<Record<SpecInput, string>>
}

function build({ file, inline, inputs }: Sources, onSecret: (value: string) => void = () => {}) {
  if (file !== undefined) writeFileSync(join(workspace, 'runner.yaml'), file)
  return buildCreateRunnerRequest({
    specFile: file === undefined ? '' : 'runner.yaml',
    workspace,
    inlineSpec: inline ?? '',
    inputs: inputs ?? {},
    onSecret,
  })
}

/** A JSON document (JSON is YAML too) that sets one field, by its path. */
function documentSetting(path: string, value: unknown, extra: Record<string, unknown> = {}) {
  const nested = path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, name) => ({ [name]: inner }), value) as Record<string, unknown>
  return JSON.stringify({ ...extra, ...nested })
}

function valueAt(request: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((at, name) => (at as Record<string, unknown>)?.[name], request)
}

describe('the reference examples of create-runner.md, verbatim', () => {
  it('creates a cloud runner in AWS EC2', () => {
    const file = `name: "Production Runner"
provider: RUNNER_PROVIDER_AWS_EC2
spec:
  desiredPhase: RUNNER_PHASE_ACTIVE
  configuration:
    region: "us-west"
    releaseChannel: RUNNER_RELEASE_CHANNEL_STABLE
    autoUpdate: true
`
    expect(build({ file })).toEqual({
      request: {
        name: 'Production Runner',
        provider: 'RUNNER_PROVIDER_AWS_EC2',
        spec: {
          desiredPhase: 'RUNNER_PHASE_ACTIVE',
          configuration: {
            region: 'us-west',
            releaseChannel: 'RUNNER_RELEASE_CHANNEL_STABLE',
            autoUpdate: true,
          },
        },
      },
      warnings: [],
    })
  })

  it('creates a local runner on Linux, with a warning that Linux hosts are deprecated', () => {
    const inline = `name: "Local Development Runner"
provider: RUNNER_PROVIDER_LINUX_HOST
spec:
  desiredPhase: RUNNER_PHASE_ACTIVE
  configuration:
    releaseChannel: RUNNER_RELEASE_CHANNEL_LATEST
    autoUpdate: true
`
    expect(build({ inline })).toEqual({
      request: {
        name: 'Local Development Runner',
        provider: 'RUNNER_PROVIDER_LINUX_HOST',
        spec: {
          desiredPhase: 'RUNNER_PHASE_ACTIVE',
          configuration: { releaseChannel: 'RUNNER_RELEASE_CHANNEL_LATEST', autoUpdate: true },
        },
      },
      warnings: [
        {
          message:
            'spec input, line 2, column 11: provider RUNNER_PROVIDER_LINUX_HOST (linux-host) is ' +
            'deprecated: Linux host runners are no longer supported; use provider aws-ec2 or gcp ' +
            'instead',
        },
      ],
    })
  })
})

describe('precedence: spec file < inline spec < input, field by field', () => {
  // Each layer's value as written, then the value the request carries once that layer is added.
  const rows: {
    input: SpecInput
    path: string
    file: [unknown, unknown]
    inline: [unknown, unknown]
    single: [string, unknown]
  }[] = [
    {
      input: 'name',
      path: 'name',
      file: ['a-file', 'a-file'],
      inline: ['an-inline', 'an-inline'],
      single: ['an-input', 'an-input'],
    },
    {
      input: 'region',
      path: 'spec.configuration.region',
      file: ['eu-1', 'eu-1'],
      inline: ['eu-2', 'eu-2'],
      single: ['eu-3', 'eu-3'],
    },
    {
      input: 'release-channel',
      path: 'spec.configuration.releaseChannel',
      file: ['stable', 'RUNNER_RELEASE_CHANNEL_STABLE'],
      inline: ['RUNNER_RELEASE_CHANNEL_LATEST', 'RUNNER_RELEASE_CHANNEL_LATEST'],
      single: ['Stable', 'RUNNER_RELEASE_CHANNEL_STABLE'],
    },
    {
      input: 'auto-update',
      path: 'spec.configuration.autoUpdate',
      file: [true, true],
      inline: [false, false],
      single: ['TRUE', true],
    },
    {
      input: 'desired-phase',
      path: 'spec.desiredPhase',
      file: ['inactive', 'RUNNER_PHASE_INACTIVE'],
      inline: ['created', 'RUNNER_PHASE_CREATED'],
      single: ['active', 'RUNNER_PHASE_ACTIVE'],
    },
    {
      input: 'log-level',
      path: 'spec.configuration.logLevel',
      file: ['info', 'LOG_LEVEL_INFO'],
      inline: ['warn', 'LOG_LEVEL_WARN'],
      single: ['debug', 'LOG_LEVEL_DEBUG'],
    },
    {
      input: 'variant',
      path: 'spec.variant',
      file: ['enterprise', 'RUNNER_VARIANT_ENTERPRISE'],
      inline: ['standard', 'RUNNER_VARIANT_STANDARD'],
      single: ['Enterprise', 'RUNNER_VARIANT_ENTERPRISE'],
    },
    {
      input: 'update-window',
      path: 'spec.configuration.updateWindow',
      file: [
        { startHour: 1, endHour: 5 },
        { startHour: 1, endHour: 5 },
      ],
      inline: [{ start_hour: 2 }, { startHour: 2 }],
      single: ['22-4', { startHour: 22, endHour: 4 }],
    },
    {
      input: 'devcontainer-image-cache',
      path: 'spec.configuration.devcontainerImageCacheEnabled',
      file: [false, false],
      inline: [true, true],
      single: ['false', false],
    },
  ]

  it.each(rows)('$path: the file sets it, the inline spec overrides it, the input wins', (row) => {
    const file = documentSetting(row.path, row.file[0], { provider: 'gcp' })
    const inline = documentSetting(row.path, row.inline[0])
    const inputs = { [row.input]: row.single[0] }

    expect(valueAt(build({ file }).request, row.path)).toEqual(row.file[1])
    expect(valueAt(build({ file, inline }).request, row.path)).toEqual(row.inline[1])
    expect(valueAt(build({ file, inline, inputs }).request, row.path)).toEqual(row.single[1])
    expect(valueAt(build({ file, inputs }).request, row.path)).toEqual(row.single[1])
  })

  it('runnerManagerId: the file sets it, the inline spec overrides it, the input wins', () => {
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222']
    const file = `provider: managed\nrunnerManagerId: ${ids[0]}\n`
    const inline = `runner_manager_id: ${ids[1]}\n`
    const inputs = { 'runner-manager-id': ids[0].toUpperCase() }

    expect(build({ file }).request.runnerManagerId).toBe(ids[0])
    expect(build({ file, inline }).request.runnerManagerId).toBe(ids[1])
    expect(build({ file, inline, inputs }).request.runnerManagerId).toBe(ids[0].toUpperCase())
  })

  it('keeps what an earlier layer set when a later one sets other fields', () => {
    const file =
      'provider: gcp\nname: from-file\nspec:\n  configuration:\n    region: eu-1\n    autoUpdate: true\n'
    const inline = 'spec:\n  configuration:\n    region: eu-2\n    metrics:\n      enabled: true\n'
    const inputs = { 'log-level': 'warn' }

    expect(build({ file, inline, inputs }).request).toEqual({
      name: 'from-file',
      provider: 'RUNNER_PROVIDER_GCP',
      spec: {
        configuration: {
          region: 'eu-2',
          autoUpdate: true,
          metrics: { enabled: true },
          logLevel: 'LOG_LEVEL_WARN',
        },
      },
    })
  })

  it('replaces an update window whole: a start alone does not keep an earlier end', () => {
    const file =
      'provider: gcp\nspec:\n  configuration:\n    updateWindow: {startHour: 1, endHour: 5}\n'
    const { request } = build({ file, inputs: { 'update-window': '10' } })
    expect(request.spec?.configuration?.updateWindow).toEqual({ startHour: 10 })
  })

  it('leaves the name out when nothing sets one, for the caller to generate', () => {
    expect(build({ inputs: { provider: 'gcp' } }).request).toEqual({
      provider: 'RUNNER_PROVIDER_GCP',
    })
  })
})

describe('provider and kind: the API takes one, a later source choosing one drops the other', () => {
  const cases: { name: string; sources: Sources; provider?: string; kind?: string }[] = [
    {
      name: 'the provider input clears the kind of the spec file',
      sources: { file: 'kind: remote\n', inputs: { provider: 'aws-ec2' } },
      provider: 'RUNNER_PROVIDER_AWS_EC2',
    },
    {
      name: 'the kind input clears the provider of the spec file',
      sources: { file: 'provider: aws-ec2\n', inputs: { kind: 'remote' } },
      kind: 'RUNNER_KIND_REMOTE',
    },
    {
      name: 'the provider input clears the kind of the inline spec',
      sources: { inline: 'kind: RUNNER_KIND_REMOTE\n', inputs: { provider: 'gcp' } },
      provider: 'RUNNER_PROVIDER_GCP',
    },
    {
      name: 'the kind input clears the provider of the inline spec',
      sources: { inline: 'provider: gcp\n', inputs: { kind: 'remote' } },
      kind: 'RUNNER_KIND_REMOTE',
    },
    {
      name: 'the inline provider clears the kind of the spec file',
      sources: { file: 'kind: remote\n', inline: 'provider: gcp\n' },
      provider: 'RUNNER_PROVIDER_GCP',
    },
    {
      name: 'the provider input also overrides a spec file that sets both',
      sources: { file: 'kind: remote\nprovider: gcp\n', inputs: { provider: 'aws-ec2' } },
      provider: 'RUNNER_PROVIDER_AWS_EC2',
    },
    {
      name: 'an UNSPECIFIED provider input is no choice and clears nothing',
      sources: { file: 'kind: remote\n', inputs: { provider: 'RUNNER_PROVIDER_UNSPECIFIED' } },
      kind: 'RUNNER_KIND_REMOTE',
    },
  ]

  it.each(cases)('$name', ({ sources, provider, kind }) => {
    const { request } = build(sources)
    expect(request.provider).toBe(provider)
    expect(request.kind).toBe(kind)
  })
})

describe('enum values', () => {
  const forms = ['RUNNER_PROVIDER_AWS_EC2', 'aws-ec2', 'AWS_EC2', 'Aws_Ec2', 'aws_ec2', ' AWS-EC2 ']

  it.each(forms)(
    'reads the provider %j as RUNNER_PROVIDER_AWS_EC2, as an input and in a spec',
    (form) => {
      expect(build({ inputs: { provider: form } }).request.provider).toBe('RUNNER_PROVIDER_AWS_EC2')
      expect(build({ inline: `provider: "${form}"\n` }).request.provider).toBe(
        'RUNNER_PROVIDER_AWS_EC2',
      )
    },
  )

  it.each([
    ['kind', 'Remote', 'kind', 'RUNNER_KIND_REMOTE'],
    ['desired-phase', 'runner-phase-active', 'spec.desiredPhase', 'RUNNER_PHASE_ACTIVE'],
    [
      'release-channel',
      'LATEST',
      'spec.configuration.releaseChannel',
      'RUNNER_RELEASE_CHANNEL_LATEST',
    ],
    ['log-level', 'Error', 'spec.configuration.logLevel', 'LOG_LEVEL_ERROR'],
    ['variant', 'enterprise', 'spec.variant', 'RUNNER_VARIANT_ENTERPRISE'],
  ] as const)('reads the %s input %j', (input, raw, path, want) => {
    const inputs = input === 'kind' ? { kind: raw } : { provider: 'gcp', [input]: raw }
    expect(valueAt(build({ inputs }).request, path)).toBe(want)
  })

  it('treats _UNSPECIFIED as not set: it neither appears nor overrides', () => {
    const file =
      'provider: gcp\nspec:\n  desiredPhase: RUNNER_PHASE_UNSPECIFIED\n  configuration:\n    releaseChannel: stable\n'
    const inputs = { 'release-channel': 'unspecified', 'log-level': 'LOG_LEVEL_UNSPECIFIED' }

    expect(build({ file, inputs }).request).toEqual({
      provider: 'RUNNER_PROVIDER_GCP',
      spec: { configuration: { releaseChannel: 'RUNNER_RELEASE_CHANNEL_STABLE' } },
    })
  })

  it('reads the proto names in snake_case and sends lowerCamelCase', () => {
    const inline = `provider: managed
runner_manager_id: 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e
spec:
  desired_phase: active
  configuration:
    release_channel: latest
    auto_update: false
    log_level: debug
    devcontainer_image_cache_enabled: true
    continuous_profiling: false
    encrypted_honeycomb_api_key: U3RhaW5sZXNzIHJvY2tz
    update_window: {start_hour: 22, end_hour: 4}
    metrics:
      enabled: true
      url: https://metrics.example/write
      username: runner
      password: "metrics-pass"
      managed_metrics_enabled: false
      include_verbose_metrics: true
`
    expect(build({ inline }).request).toEqual({
      provider: 'RUNNER_PROVIDER_MANAGED',
      spec: {
        desiredPhase: 'RUNNER_PHASE_ACTIVE',
        configuration: {
          releaseChannel: 'RUNNER_RELEASE_CHANNEL_LATEST',
          autoUpdate: false,
          metrics: {
            enabled: true,
            url: 'https://metrics.example/write',
            username: 'runner',
            password: 'metrics-pass',
            managedMetricsEnabled: false,
            includeVerboseMetrics: true,
          },
          logLevel: 'LOG_LEVEL_DEBUG',
          devcontainerImageCacheEnabled: true,
          updateWindow: { startHour: 22, endHour: 4 },
          encryptedHoneycombApiKey: 'U3RhaW5sZXNzIHJvY2tz',
          continuousProfiling: false,
        },
      },
      runnerManagerId: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
    })
  })

  it('leaves out fields written empty or null', () => {
    const inline =
      'provider: gcp\nname: ""\nspec:\n  variant:\n  configuration:\n    region: null\n'
    expect(build({ inline }).request).toEqual({ provider: 'RUNNER_PROVIDER_GCP' })
  })
})

describe('deprecated values', () => {
  const cases: { name: string; sources: Sources; warnings: object[] }[] = [
    {
      name: 'provider linux-host as an input',
      sources: { inputs: { provider: 'linux-host' } },
      warnings: [
        {
          message:
            'input provider: provider RUNNER_PROVIDER_LINUX_HOST (linux-host) is deprecated: ' +
            'Linux host runners are no longer supported; use provider aws-ec2 or gcp instead',
        },
      ],
    },
    {
      name: 'provider desktop-mac in the spec file, annotated at its line',
      sources: { file: 'name: mac\nprovider: DESKTOP_MAC\n' },
      warnings: [
        {
          message:
            'spec-file runner.yaml, line 2, column 11: provider RUNNER_PROVIDER_DESKTOP_MAC ' +
            '(desktop-mac) is deprecated: desktop Mac runners are no longer supported; use ' +
            'provider aws-ec2 or gcp instead',
          annotation: { file: 'runner.yaml', startLine: 2, startColumn: 11 },
        },
      ],
    },
    {
      name: 'kind local in the inline spec',
      sources: { inline: 'kind: RUNNER_KIND_LOCAL\n' },
      warnings: [
        {
          message:
            'spec input, line 1, column 7: kind RUNNER_KIND_LOCAL (local) is deprecated: local ' +
            'runners are no longer supported; use provider aws-ec2 or gcp instead of kind',
        },
      ],
    },
    {
      name: 'none when a later source replaces the deprecated value',
      sources: { file: 'provider: linux-host\n', inputs: { provider: 'aws-ec2' } },
      warnings: [],
    },
  ]

  it.each(cases)('$name', ({ sources, warnings }) => {
    expect(build(sources).warnings).toEqual(warnings)
  })
})

describe('secrets', () => {
  it('hands every secret to onSecret, from both documents, before a mistake is reported', () => {
    const file = 'provider: gcp\nspec:\n  configuration:\n    metrics: {password: "file-pass"}\n'
    const inline =
      'spec:\n  configuration:\n    encryptedHoneycombApiKey: c2VjcmV0\n    regoin: oops\n'
    const secrets: string[] = []

    expect(() => build({ file, inline }, (secret) => secrets.push(secret))).toThrow(/regoin/)
    expect(secrets).toEqual(expect.arrayContaining(['file-pass', 'c2VjcmV0']))
  })

  it('masks a password in a document that does not even parse', () => {
    const secrets: string[] = []
    const inline = 'spec:\n  configuration:\n    metrics:\n      password: p4ss\n  "unclosed\n'

    expect(() => build({ inline }, (secret) => secrets.push(secret))).toThrow(/syntax error/)
    expect(secrets).toContain('p4ss')
  })

  it('masks the value of a misspelt password field too', () => {
    const secrets: string[] = []
    const inline = 'provider: gcp\nspec:\n  configuration:\n    metrics:\n      pasword: hunter2\n'

    expect(() => build({ inline }, (secret) => secrets.push(secret))).toThrow(
      /did you mean "password"/,
    )
    expect(secrets).toContain('hunter2')
  })
})

describe('the spec file', () => {
  it('accepts a byte-order mark and counts columns without it', () => {
    writeFileSync(join(workspace, 'bom.yaml'), '\uFEFFprovider: gcp\nname: x\n')
    const build = () =>
      buildCreateRunnerRequest({ specFile: 'bom.yaml', workspace, inputs: {}, onSecret: () => {} })

    expect(build).toThrow('spec-file bom.yaml, line 2, column 7: name "x" is 1 character long')
  })

  it('names a file in a folder by its path from the workspace', () => {
    mkdirSync(join(workspace, 'config'), { recursive: true })
    writeFileSync(
      join(workspace, 'config', 'runner.json'),
      '{\n\t"provider": "gcp",\n\t"nmae": "x"\n}\n',
    )

    let annotation: unknown
    try {
      buildCreateRunnerRequest({
        specFile: './config/runner.json',
        workspace,
        inputs: {},
        onSecret: () => {},
      })
    } catch (error) {
      annotation = (error as { annotation?: unknown }).annotation
    }
    expect(annotation).toEqual({ file: 'config/runner.json', startLine: 3, startColumn: 2 })
  })

  it('reads a JSON spec file indented with tabs', () => {
    writeFileSync(
      join(workspace, 'tabs.json'),
      '{\n\t"provider": "gcp",\n\t"spec": {\n\t\t"variant": "enterprise"\n\t}\n}\n',
    )
    const { request } = buildCreateRunnerRequest({
      specFile: 'tabs.json',
      workspace,
      inputs: {},
      onSecret: () => {},
    })
    expect(request).toEqual({
      provider: 'RUNNER_PROVIDER_GCP',
      spec: { variant: 'RUNNER_VARIANT_ENTERPRISE' },
    })
  })
})
