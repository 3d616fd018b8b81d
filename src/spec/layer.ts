import { requestFields, type Fields } from './fields.js'
import type { Place } from './place.js'
import type { CreateRunnerRequest } from './types.js'

/** One value a source set, and where, so that a later check can point at it. */
export interface Setting {
  value: unknown
  place: Place
}

/** What one source (spec file, inline spec, inputs) sets, by field path: `spec.variant`. */
export type Layer = Map<string, Setting>

/**
 * Later layers win field by field. A layer that chooses provider (or kind) alone drops the
 * other from earlier layers, since the API takes only one of the two.
 */
export function mergeLayers(layers: readonly Layer[]): Layer {
  const merged: Layer = new Map()

  for (const layer of layers) {
    if (layer.has('provider') && !layer.has('kind')) merged.delete('kind')
    if (layer.has('kind') && !layer.has('provider')) merged.delete('provider')
    for (const [path, setting] of layer) merged.set(path, setting)
  }

  return merged
}

/** The nested request, in the API's field order, with unset fields left out. */
export function toRequest(layer: Layer): CreateRunnerRequest {
  return build(layer, requestFields, '') ?? {}
}

function build(layer: Layer, fields: Fields, prefix: string): Record<string, unknown> | undefined {
  const message: Record<string, unknown> = {}

  for (const [name, field] of Object.entries(fields)) {
    const path = prefix + name
    const value =
      field.type === 'message' && field.oneValue === undefined
        ? build(layer, field.fields, `${path}.`)
        : layer.get(path)?.value
    if (value !== undefined) message[name] = value
  }

  return Object.keys(message).length > 0 ? message : undefined
}
