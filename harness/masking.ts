/**
 * The forms of a secret that the runner's masker also hides: the value itself, its base64 (at the
 * three byte offsets it can sit at inside a longer base64 text, e.g. a Basic auth header) and its
 * URL-encoded form.
 */
export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret])
  const bytes = Buffer.from(secret, 'utf8')

  for (let offset = 0; offset < 3; offset++) {
    const form = base64AtOffset(bytes, offset)
    // A short fragment would match unrelated text; the real value is still masked.
    if (form.length >= MIN_DERIVED_LENGTH) forms.add(form)
  }

  const uriEncoded = encodeURIComponent(secret)
  if (uriEncoded.length >= MIN_DERIVED_LENGTH) forms.add(uriEncoded)

  forms.delete('')
  return [...forms]
}

const MIN_DERIVED_LENGTH = 6

/**
 * The base64 characters that depend on the secret alone when it follows `offset` other bytes:
 * character i covers bits [6i, 6i + 6) of the stream, so keep those inside the secret's bits.
 */
function base64AtOffset(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
  const first = Math.ceil((offset * 8) / 6)
  const last = Math.floor(((offset + bytes.length) * 8) / 6)
  return encoded.slice(first, last)
}

/** Replace every form of every mask with `***`, longest first so no fragment survives. */
export function maskText(text: string, masks: Iterable<string>): string {
  const forms = [...new Set([...masks].flatMap(encodedForms))].sort((a, b) => b.length - a.length)
  return forms.reduce((masked, form) => masked.split(form).join('***'), text)
}
