import { nearest } from './nearest.js'
import { at, problem, quote, type Place } from './place.js'
import type {
  LogLevel,
  RunnerKind,
  RunnerPhase,
  RunnerProvider,
  RunnerReleaseChannel,
  RunnerVariant,
} from './types.js'

/** 'unset' marks the _UNSPECIFIED value, which the action treats as "not set". */
type Note = 'unset' | 'valid' | { deprecated: string }

interface EnumTable<Value extends string> {
  noun: string
  prefix: string
  values: Record<Value, Note>
}

const replacedByCloudProviders = 'use provider aws-ec2 or gcp instead'

// Typed as Record<Value, Note> so that the compiler refuses a table missing a value of types.ts.
export const enums = {
  RunnerKind: {
    noun: 'runner kind',
    prefix: 'RUNNER_KIND_',
    values: {
      RUNNER_KIND_UNSPECIFIED: 'unset',
      RUNNER_KIND_LOCAL: {
        deprecated: `local runners are no longer supported; ${replacedByCloudProviders} of kind`,
      },
      RUNNER_KIND_REMOTE: 'valid',
      RUNNER_KIND_LOCAL_CONFIGURATION: 'valid',
    },
  } satisfies EnumTable<RunnerKind>,
  RunnerProvider: {
    noun: 'runner provider',
    prefix: 'RUNNER_PROVIDER_',
    values: {
      RUNNER_PROVIDER_UNSPECIFIED: 'unset',
      RUNNER_PROVIDER_AWS_EC2: 'valid',
      RUNNER_PROVIDER_LINUX_HOST: {
        deprecated: `Linux host runners are no longer supported; ${replacedByCloudProviders}`,
      },
      RUNNER_PROVIDER_DESKTOP_MAC: {
        deprecated: `desktop Mac runners are no longer supported; ${replacedByCloudProviders}`,
      },
      RUNNER_PROVIDER_MANAGED: 'valid',
      RUNNER_PROVIDER_GCP: 'valid',
      RUNNER_PROVIDER_DEV_AGENT: 'valid',
    },
  } satisfies EnumTable<RunnerProvider>,
  RunnerPhase: {
    noun: 'runner phase',
    prefix: 'RUNNER_PHASE_',
    values: {
      RUNNER_PHASE_UNSPECIFIED: 'unset',
      RUNNER_PHASE_CREATED: 'valid',
      RUNNER_PHASE_INACTIVE: 'valid',
      RUNNER_PHASE_ACTIVE: 'valid',
      RUNNER_PHASE_DELETING: 'valid',
      RUNNER_PHASE_DELETED: 'valid',
      RUNNER_PHASE_DEGRADED: 'valid',
    },
  } satisfies EnumTable<RunnerPhase>,
  RunnerReleaseChannel: {
    noun: 'release channel',
    prefix: 'RUNNER_RELEASE_CHANNEL_',
    values: {
      RUNNER_RELEASE_CHANNEL_UNSPECIFIED: 'unset',
      RUNNER_RELEASE_CHANNEL_STABLE: 'valid',
      RUNNER_RELEASE_CHANNEL_LATEST: 'valid',
    },
  } satisfies EnumTable<RunnerReleaseChannel>,
  LogLevel: {
    noun: 'log level',
    prefix: 'LOG_LEVEL_',
    values: {
      LOG_LEVEL_UNSPECIFIED: 'unset',
      LOG_LEVEL_DEBUG: 'valid',
      LOG_LEVEL_INFO: 'valid',
      LOG_LEVEL_WARN: 'valid',
      LOG_LEVEL_ERROR: 'valid',
    },
  } satisfies EnumTable<LogLevel>,
  RunnerVariant: {
    noun: 'runner variant',
    prefix: 'RUNNER_VARIANT_',
    values: {
      RUNNER_VARIANT_UNSPECIFIED: 'unset',
      RUNNER_VARIANT_STANDARD: 'valid',
      RUNNER_VARIANT_ENTERPRISE: 'valid',
    },
  } satisfies EnumTable<RunnerVariant>,
}

export type EnumName = keyof typeof enums

function table(enumName: EnumName): EnumTable<string> {
  return enums[enumName]
}

/** `RUNNER_PROVIDER_AWS_EC2` -> `aws-ec2`, the form the inputs use. */
export function shortForm(enumName: EnumName, value: string): string {
  return value.slice(table(enumName).prefix.length).toLowerCase().replaceAll('_', '-')
}

/**
 * The API name for `raw`, which may be the API name or a short form (`aws-ec2`, `AWS_EC2`), in
 * any case, with `-` and `_` alike. Undefined for _UNSPECIFIED. Throws a ValueProblem for a typo.
 */
export function enumValue(enumName: EnumName, raw: string): string | undefined {
  const { prefix, values } = table(enumName)
  const normalized = raw
    .trim()
    .toUpperCase()
    .replace(/[-\s]+/g, '_')
  const name = normalized.startsWith(prefix) ? normalized : prefix + normalized

  if (!Object.hasOwn(values, name)) problem(typoDetail(enumName, normalized, raw))
  return values[name] === 'unset' ? undefined : name
}

/** enumValue with the user's error naming `where`, e.g. `input provider`. */
export function parseEnum(enumName: EnumName, raw: string, where: string | Place) {
  return at(typeof where === 'string' ? { where } : where, () => enumValue(enumName, raw))
}

/** What to use instead, when `value` is deprecated. */
export function deprecation(enumName: EnumName, value: string): string | undefined {
  const note = table(enumName).values[value]
  return typeof note === 'object' ? note.deprecated : undefined
}

// Suggestions and the list come in the form the user wrote: API names or short forms.
function typoDetail(enumName: EnumName, normalized: string, raw: string): string {
  const { noun, prefix, values } = table(enumName)
  const wroteApiName = normalized.startsWith(prefix)
  const shown = (value: string) => (wroteApiName ? value : shortForm(enumName, value))
  const known = Object.keys(values).filter((value) => values[value] !== 'unset')
  const listed = known.filter((value) => values[value] === 'valid').map(shown)

  // Compared without the prefix, which would make any two API names look alike.
  const written = wroteApiName ? normalized.slice(prefix.length) : normalized
  const suggestion = nearest(
    written,
    known.map((value) => value.slice(prefix.length)),
  )
  const didYouMean =
    suggestion === undefined ? '.' : `; did you mean ${quote(shown(prefix + suggestion))}?`

  return `${quote(raw)} is not a ${noun}${didYouMean} Valid values: ${listed.join(', ')}`
}
