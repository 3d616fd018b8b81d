import { describe, expect, it } from '@jest/globals'

import { ActionError } from '../../src/action-error.js'
import { deprecation, parseEnum, shortForm } from '../../src/spec/enums.js'

describe('parseEnum', () => {
  it.each([
    ['RunnerProvider', 'RUNNER_PROVIDER_GCP', 'RUNNER_PROVIDER_GCP'],
    ['RunnerProvider', 'gcp', 'RUNNER_PROVIDER_GCP'],
    ['RunnerProvider', 'Dev-Agent', 'RUNNER_PROVIDER_DEV_AGENT'],
    ['RunnerKind', 'local_configuration', 'RUNNER_KIND_LOCAL_CONFIGURATION'],
    ['RunnerPhase', 'DEGRADED', 'RUNNER_PHASE_DEGRADED'],
    ['LogLevel', 'log-level-warn', 'LOG_LEVEL_WARN'],
    ['RunnerVariant', 'Standard', 'RUNNER_VARIANT_STANDARD'],
    ['RunnerReleaseChannel', 'stable', 'RUNNER_RELEASE_CHANNEL_STABLE'],
  ] as const)('reads %s %j as %s', (enumName, raw, want) => {
    expect(parseEnum(enumName, raw, 'input x')).toBe(want)
  })

  it.each(['RUNNER_PHASE_UNSPECIFIED', 'unspecified', 'Unspecified'])(
    'reads %j as not set',
    (raw) => {
      expect(parseEnum('RunnerPhase', raw, 'input desired-phase')).toBeUndefined()
    },
  )

  it('names the place, the nearest value and the valid ones for a typo', () => {
    const parse = () => parseEnum('RunnerVariant', 'enterprize', 'input variant')

    expect(parse).toThrow(ActionError)
    expect(parse).toThrow(
      'input variant: "enterprize" is not a runner variant; did you mean "enterprise"? ' +
        'Valid values: standard, enterprise',
    )
  })

  it('answers in API names when the typo was written as one', () => {
    expect(() => parseEnum('RunnerKind', 'RUNNER_KIND_REMOTTE', 'input kind')).toThrow(
      'did you mean "RUNNER_KIND_REMOTE"? Valid values: RUNNER_KIND_REMOTE, ' +
        'RUNNER_KIND_LOCAL_CONFIGURATION',
    )
  })

  it('offers no guess for a value unlike any other', () => {
    expect(() => parseEnum('LogLevel', 'verbose', 'input log-level')).toThrow(
      'input log-level: "verbose" is not a log level. Valid values: debug, info, warn, error',
    )
  })
})

describe('deprecated values and short forms', () => {
  it.each([
    ['RunnerProvider', 'RUNNER_PROVIDER_LINUX_HOST', /aws-ec2 or gcp/],
    ['RunnerProvider', 'RUNNER_PROVIDER_DESKTOP_MAC', /aws-ec2 or gcp/],
    ['RunnerKind', 'RUNNER_KIND_LOCAL', /provider aws-ec2 or gcp instead of kind/],
  ] as const)('%s %s says what to use instead', (enumName, value, advice) => {
    expect(deprecation(enumName, value)).toMatch(advice)
  })

  it('has no advice for current values', () => {
    expect(deprecation('RunnerProvider', 'RUNNER_PROVIDER_AWS_EC2')).toBeUndefined()
  })

  it('writes the short form an input takes', () => {
    expect(shortForm('RunnerProvider', 'RUNNER_PROVIDER_AWS_EC2')).toBe('aws-ec2')
  })
})
