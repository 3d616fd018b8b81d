import type { YAMLError } from 'yaml'

/**
 * The yaml library's messages can quote the source (an escape, a tag, a token), and a source line
 * may hold a secret, so the user sees only these words of ours, chosen by the error's code.
 */
export function syntaxDetail(error: YAMLError, syntax: 'YAML' | 'JSON'): string {
  if (error.code === 'TAB_AS_INDENT') {
    return (
      'tabs are used for indentation; YAML allows only spaces there: ' +
      'replace the tabs with spaces'
    )
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return (
      'the text holds more than one YAML document (a second ---); ' +
      'a runner spec is one document'
    )
  }

  return `${syntax} syntax error: ${explain(error)}`
}

const byCode: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'this line is indented wrongly; indent the fields of one mapping to the same column',
  BLOCK_AS_IMPLICIT_KEY:
    'a value runs into a nested mapping; put a value that contains ": " in quotes, ' +
    'and indent nested fields on their own lines',
  MULTILINE_IMPLICIT_KEY:
    'a field name runs over more than one line; put "field: value" on one line',
  BAD_DQ_ESCAPE: 'a double-quoted value has an invalid \\ escape; write \\\\ or use single quotes',
  BAD_SCALAR_START:
    'a value starts with a character YAML reserves (such as @, `, % or |); put it in quotes',
  BLOCK_IN_FLOW: 'an indented block is inside { } or [ ]; write the whole value in one style',
  NON_STRING_KEY: 'a field name is not plain text; write field names as words',
  KEY_OVER_1024_CHARS: 'a field name is longer than 1024 characters',
  BAD_DIRECTIVE: 'a % directive is not valid; remove it',
  RESOURCE_EXHAUSTION: 'the document expands to too much data; write the values out plainly',
}

const unsupportedFeatures: readonly YAMLError['code'][] = [
  'TAG_RESOLVE_FAILED',
  'BAD_ALIAS',
  'ALIAS_PROPS',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_TAGS',
  'BAD_PROP_ORDER',
  'BAD_COLLECTION_TYPE',
]

function explain(error: YAMLError): string {
  if (unsupportedFeatures.includes(error.code)) {
    return 'YAML tags (!) and anchors (&, *) are not supported in a runner spec; write plain values'
  }
  if (error.code === 'MISSING_CHAR' || error.code === 'UNEXPECTED_TOKEN')
    return missingOrExtra(error)
  return (
    byCode[error.code] ??
    'the text is not valid here; check quotes, brackets, colons and indentation'
  )
}

// The library's message is only matched against, never shown.
function missingOrExtra({ message }: YAMLError): string {
  if (/quote/.test(message)) return 'a quoted value is not closed; add the closing quote'
  if (/Flow map must end/.test(message)) return 'a { mapping is not closed; add the closing }'
  if (/Flow sequence must end/.test(message)) return 'a [ list is not closed; add the closing ]'
  if (/Missing space after :/.test(message)) return 'a colon needs a space after it'
  if (/Missing , or :/.test(message)) return 'a comma or colon is missing between items'
  if (/Missing ,/.test(message)) return 'a comma is missing between items'
  if (/Unexpected ,/.test(message)) return 'a comma is out of place; remove it'
  if (/followed by map values/.test(message)) return 'a field has no colon; write "field: value"'
  if (/Comments must be separated/.test(message)) return 'put a space before the # of a comment'
  if (/Sequence item without -/.test(message)) return 'a list item has no "- " in front of it'
  return 'unexpected text here; check quotes, brackets, colons and indentation'
}
