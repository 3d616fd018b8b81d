import { enumValue, type EnumName } from './enums.js'
import type { Layer } from './layer.js'
import { at } from './place.js'
import { inputUpdateWindow } from './update-window.js'
import { inputBoolean, runnerManagerId, runnerName } from './values.js'

/** The action's single inputs that each set one field of the request. */
export type SpecInput =
  | 'name'
  | 'provider'
  | 'kind'
  | 'runner-manager-id'
  | 'region'
  | 'release-channel'
  | 'auto-update'
  | 'desired-phase'
  | 'log-level'
  | 'variant'
  | 'update-window'
  | 'devcontainer-image-cache'

const choice = (enumName: EnumName) => (raw: string) => enumValue(enumName, raw)

const fieldOfInput: Record<SpecInput, { path: string; parse: (raw: string) => unknown }> = {
  name: { path: 'name', parse: runnerName },
  provider: { path: 'provider', parse: choice('RunnerProvider') },
  kind: { path: 'kind', parse: choice('RunnerKind') },
  'runner-manager-id': { path: 'runnerManagerId', parse: runnerManagerId },
  region: { path: 'spec.configuration.region', parse: (raw) => raw },
  'release-channel': {
    path: 'spec.configuration.releaseChannel',
    parse: choice('RunnerReleaseChannel'),
  },
  'auto-update': { path: 'spec.configuration.autoUpdate', parse: inputBoolean },
  'desired-phase': { path: 'spec.desiredPhase', parse: choice('RunnerPhase') },
  'log-level': { path: 'spec.configuration.logLevel', parse: choice('LogLevel') },
  variant: { path: 'spec.variant', parse: choice('RunnerVariant') },
  'update-window': { path: 'spec.configuration.updateWindow', parse: inputUpdateWindow },
  'devcontainer-image-cache': {
    path: 'spec.configuration.devcontainerImageCacheEnabled',
    parse: inputBoolean,
  },
}

/** The fields the non-empty single inputs set; an _UNSPECIFIED enum value sets nothing. */
export function readInputLayer(inputs: Partial<Record<SpecInput, string>>): Layer {
  const layer: Layer = new Map()

  for (const [input, { path, parse }] of Object.entries(fieldOfInput)) {
    const raw = inputs[input as SpecInput]
    if (raw === undefined || raw === '') continue

    const place = { where: `input ${input}`, input }
    const value = at(place, () => parse(raw))
    if (value !== undefined) layer.set(path, { value, place })
  }

  return layer
}
