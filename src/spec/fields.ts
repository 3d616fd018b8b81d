import type { EnumName } from './enums.js'
import { updateWindow } from './update-window.js'
import { base64Bytes, runnerManagerId, runnerName } from './values.js'

/** The shape of a CreateRunnerRequest document, field by field, in the API's order. */
export type Field =
  | { type: 'string'; check?: (value: string) => string; secret?: true }
  | { type: 'bytes'; check: (value: string) => string; secret: true }
  | { type: 'boolean' }
  | { type: 'enum'; enumName: EnumName }
  | { type: 'hour' }
  /** `oneValue`: the message is set and replaced as a whole, after this check of its fields. */
  | { type: 'message'; fields: Fields; oneValue?: (message: Record<string, unknown>) => unknown }

export type Fields = Readonly<Record<string, Field>>

const text: Field = { type: 'string' }
const boolean: Field = { type: 'boolean' }

const metricsFields: Fields = {
  enabled: boolean,
  url: text,
  username: text,
  password: { type: 'string', secret: true },
  managedMetricsEnabled: boolean,
  includeVerboseMetrics: boolean,
}

const configurationFields: Fields = {
  region: text,
  releaseChannel: { type: 'enum', enumName: 'RunnerReleaseChannel' },
  autoUpdate: boolean,
  metrics: { type: 'message', fields: metricsFields },
  logLevel: { type: 'enum', enumName: 'LogLevel' },
  devcontainerImageCacheEnabled: boolean,
  // A window is one value: its two hours only mean something together, so a later layer
  // replaces it whole instead of mixing its start with an earlier layer's end.
  updateWindow: {
    type: 'message',
    fields: { startHour: { type: 'hour' }, endHour: { type: 'hour' } },
    oneValue: updateWindow,
  },
  encryptedHoneycombApiKey: { type: 'bytes', check: base64Bytes, secret: true },
  continuousProfiling: boolean,
}

const specFields: Fields = {
  desiredPhase: { type: 'enum', enumName: 'RunnerPhase' },
  configuration: { type: 'message', fields: configurationFields },
  variant: { type: 'enum', enumName: 'RunnerVariant' },
}

export const requestFields: Fields = {
  name: { type: 'string', check: runnerName },
  kind: { type: 'enum', enumName: 'RunnerKind' },
  provider: { type: 'enum', enumName: 'RunnerProvider' },
  spec: { type: 'message', fields: specFields },
  runnerManagerId: { type: 'string', check: runnerManagerId },
}

/** proto3 JSON accepts the proto's own names too: `desired_phase` means `desiredPhase`. */
export function camelCase(key: string): string {
  return key.replace(/_+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

/** Names of secret fields, for masking even where the document is broken. */
export const secretFieldNames = ['password', 'encryptedHoneycombApiKey', 'honeycombApiKey']
