import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml'
import { enumValue, enums, shortForm } from './enums.js'
import { camelCase, requestFields, type Field, type Fields } from './fields.js'
import type { Layer } from './layer.js'
import { nearest } from './nearest.js'
import { placeAt, type ParsedDocument } from './parse-document.js'
import { at, fail, quote, type Place } from './place.js'
import { syntaxDetail } from './yaml-errors.js'
import { hour } from './values.js'

type Assign = (path: string, value: unknown, place: Place) => void

/** The fields a parsed spec document sets, checked one by one, with where each came from. */
export function readSpecDocument(parsed: ParsedDocument): Layer {
  const [syntaxError] = [...parsed.document.errors, ...parsed.document.warnings]
  if (syntaxError !== undefined) {
    fail(placeAt(parsed, syntaxError.pos[0]), syntaxDetail(syntaxError, parsed.syntax))
  }

  const { contents } = parsed.document
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    fail(
      { where: parsed.source.label, annotation: fileStart(parsed) },
      'the document is empty; write a mapping of fields such as provider and spec, ' +
        `or leave the ${parsed.source.input} input unset`,
    )
  }
  if (!isMap(contents)) {
    fail(
      placeAt(parsed, offsetOf(contents)),
      // Not described by value: a lone value may be something pasted by mistake, even a secret.
      `the top level must be a mapping of fields such as name, provider and spec, ` +
        `not ${isSeq(contents) ? 'a list' : 'a single value'}`,
    )
  }

  const layer: Layer = new Map()
  readMapping(parsed, contents, requestFields, '', (path, value, place) => {
    layer.set(path, { value, place })
  })
  return layer
}

function readMapping(
  parsed: ParsedDocument,
  map: YAMLMap,
  fields: Fields,
  path: string,
  assign: Assign,
): void {
  const within = path === '' ? 'at the top level' : `in ${path}`
  const seen = new Map<string, { key: string; offset: number }>()

  for (const pair of map.items) {
    const key = pair.key as Node | null
    const offset = key === null ? offsetOf(map) : offsetOf(key)
    if (!isScalar(key) || typeof key.value !== 'string') {
      fail(placeAt(parsed, offset), `a field name ${within} is not plain text; write it as a word`)
    }

    const name = camelCase(key.value)
    if (!Object.hasOwn(fields, name))
      fail(placeAt(parsed, offset), unknownField(key.value, fields, within))

    const earlier = seen.get(name)
    if (earlier !== undefined) {
      const line = parsed.lineCounter.linePos(earlier.offset).line
      const as = earlier.key === key.value ? '' : ` as ${quote(earlier.key)}`
      fail(
        placeAt(parsed, offset),
        `field ${quote(key.value)} ${within} is already set on line ${line}${as}; keep one`,
      )
    }
    seen.set(name, { key: key.value, offset })

    const fieldPath = path === '' ? name : `${path}.${name}`
    readField(parsed, pair.value as Node | null, fields[name], fieldPath, assign)
  }
}

function readField(
  parsed: ParsedDocument,
  node: Node | null,
  field: Field,
  path: string,
  assign: Assign,
) {
  // `field:` with nothing after it, or `null`, leaves the field unset.
  if (node === null || (isScalar(node) && node.value === null)) return

  const place = placeAt(parsed, offsetOf(node), path)
  if (isAlias(node))
    fail(place, 'is a YAML alias (*); aliases are not supported: write the value out')

  if (field.type !== 'message') {
    const value = scalarValue(node, field, place)
    if (value !== undefined) assign(path, value, place)
    return
  }

  if (!isMap(node)) {
    const names = Object.keys(field.fields).join(', ')
    fail(place, `must be a mapping of the fields ${names}, not ${describe(node)}`)
  }
  const { oneValue } = field
  if (oneValue === undefined) return readMapping(parsed, node, field.fields, path, assign)

  // Gathered in the API's field order, then checked and set as one value.
  const parts = new Map<string, unknown>()
  readMapping(parsed, node, field.fields, path, (part, value) => parts.set(part, value))
  const message = Object.fromEntries(
    Object.keys(field.fields)
      .filter((name) => parts.has(`${path}.${name}`))
      .map((name) => [name, parts.get(`${path}.${name}`)]),
  )
  assign(
    path,
    at(place, () => oneValue(message)),
    place,
  )
}

function scalarValue(
  node: Node,
  field: Exclude<Field, { type: 'message' }>,
  place: Place,
): unknown {
  const value = isScalar(node) ? node.value : undefined
  const secret = 'secret' in field && field.secret === true
  // A secret's value is never described: say only what is expected.
  const not = secret ? '' : `, not ${describe(node)}`

  switch (field.type) {
    case 'string':
    case 'bytes': {
      if (typeof value !== 'string') fail(place, `must be text${not}; put the value in quotes`)
      const { check } = field
      if (value === '') return undefined
      return check === undefined ? value : at(place, () => check(value))
    }

    case 'boolean':
      if (typeof value === 'boolean') return value
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
        fail(place, `must be true or false${not}; remove the quotes`)
      }
      return fail(place, `must be true or false${not}`)

    case 'enum': {
      if (typeof value === 'string')
        return value === '' ? undefined : at(place, () => enumValue(field.enumName, value))
      const { noun, values } = enums[field.enumName]
      const example = Object.entries(values).find(([, note]) => note === 'valid')![0]
      return fail(
        place,
        `must be a ${noun} such as ${example} or ${shortForm(field.enumName, example)}${not}`,
      )
    }

    case 'hour': {
      // proto3 JSON allows numbers as strings, so "22" is 22 too.
      const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
      if (typeof number !== 'number') fail(place, `must be a UTC hour from 0 to 23${not}`)
      return at(place, () => hour(number))
    }
  }
}

function unknownField(key: string, fields: Fields, within: string): string {
  const names = Object.keys(fields)
  // Suggest in the style the user writes in: desired_phase or desiredPhase.
  const written = key.includes('_') ? names.map(snakeCase) : names
  const suggestion = nearest(key, written)
  const fix =
    suggestion === undefined
      ? `valid fields: ${written.join(', ')}`
      : `did you mean ${quote(suggestion)}?`
  return `unknown field ${quote(key)} ${within}; ${fix}`
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

function describe(node: Node): string {
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (!isScalar(node)) return 'an alias'
  if (typeof node.value === 'string') return `the text ${quote(node.value)}`
  return `the ${typeof node.value} ${String(node.value)}`
}

function offsetOf(node: Node): number {
  return node.range?.[0] ?? 0
}

function fileStart(parsed: ParsedDocument) {
  const { file } = parsed.source
  return file === undefined ? undefined : { file, startLine: 1, startColumn: 1 }
}
