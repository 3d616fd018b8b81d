/**
 * Fields whose values must never reach a log or an output: the metrics password, the honeycomb
 * key in both its forms, and the tokens a CreateRunner response carries.
 */
const secretKeys = new Set([
  'password',
  'encryptedHoneycombApiKey',
  'encrypted_honeycomb_api_key',
  'honeycombApiKey',
  'honeycomb_api_key',
  'accessToken',
  'exchangeToken',
])

export const redacted = '***'

/** A deep copy of `value` with every secret field's value replaced by '***'. */
export function redactSecrets<T>(value: T): T {
  return copy(value) as T
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy)
  if (value === null || typeof value !== 'object') return value

  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      isSecret(key, field) ? redacted : copy(field),
    ]),
  )
}

// An empty or absent secret is shown as it is: there is nothing to hide, and '***' would
// suggest a value was set.
function isSecret(key: string, field: unknown): boolean {
  return secretKeys.has(key) && field !== undefined && field !== null && field !== ''
}
