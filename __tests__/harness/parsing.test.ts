import { describe, expect, it } from '@jest/globals'
import { buildInputsEnv, type ActionManifest } from '../../harness/action-manifest.js'
import { parseFileCommands } from '../../harness/file-commands.js'
import { findSecrets } from '../../harness/find-secrets.js'
import { renderStepLog } from '../../harness/step-log.js'
import { parseCommand } from '../../harness/workflow-commands.js'

const SECRET = 'tok/en+with&odd=chars'

describe('parseFileCommands', () => {
  it.each([
    ['name=value lines', 'a=1\nb=x=y\n', { a: '1', b: 'x=y' }],
    ['a heredoc with newlines', 'a<<EOF\none\ntwo\nEOF\n', { a: 'one\ntwo' }],
    ['CRLF line ends', 'a<<EOF\r\none\r\ntwo\r\nEOF\r\nb=2\r\n', { a: 'one\ntwo', b: '2' }],
    ['an empty heredoc', 'a<<EOF\nEOF\n', { a: '' }],
    ['a later line for the same name', 'a=1\na=2\n', { a: '2' }],
    ['a value holding <<', 'a=x<<y\n', { a: 'x<<y' }],
  ])('reads %s', (_case, text, expected) => {
    expect(parseFileCommands(text)).toEqual(expected)
  })

  it('throws on a heredoc without its closing delimiter', () => {
    expect(() => parseFileCommands('a<<EOF\none\n')).toThrow(/no closing delimiter/)
  })
})

describe('parseCommand', () => {
  it('unescapes data and properties in one pass, as @actions/core escaped them', () => {
    const command = parseCommand('::error file=a%2Cb.yml,title=x%3Ay%253A::50%25%0Adone')

    expect(command).toEqual({
      name: 'error',
      properties: { file: 'a,b.yml', title: 'x:y%3A' },
      message: '50%\ndone',
    })
  })

  it('leaves plain text and unknown commands alone', () => {
    expect(parseCommand('hello :: world')).toBeUndefined()
    expect(parseCommand('::set-output name=a::1')).toBeUndefined()
  })
})

describe('renderStepLog', () => {
  it('masks the raw and base64 forms, from the registration on', () => {
    // 'usr:' puts the secret one byte into a base64 group: the masker must still find it.
    const basic = Buffer.from(`usr:${SECRET}`).toString('base64')

    const { log } = renderStepLog(
      [`early ${SECRET}`, `::add-mask::${SECRET}`, `late ${SECRET}`, basic],
      [],
      false,
    )

    const [early, late, header] = log.split('\n')
    expect([early, late]).toEqual([`early ${SECRET}`, 'late ***'])
    // What survives is only the characters that also depend on the bytes around the secret.
    expect(header).toMatch(/^[A-Za-z0-9+/]{5,7}\*\*\*[A-Za-z0-9+/=]{0,4}$/)
  })

  it('applies masks of earlier steps from the first line', () => {
    expect(renderStepLog([`value ${SECRET}`], [SECRET], false).log).toBe('value ***')
  })
})

describe('findSecrets', () => {
  it('finds a secret raw, base64 inside a longer text, and URL-encoded', () => {
    const basic = Buffer.from(`user:${SECRET}`).toString('base64')

    expect(findSecrets(`Authorization: Basic ${basic}`, [SECRET])).toEqual([SECRET])
    expect(findSecrets(`url?token=${encodeURIComponent(SECRET)}`, [SECRET])).toEqual([SECRET])
    expect(findSecrets(`raw ${SECRET}`, [SECRET, 'other-secret'])).toEqual([SECRET])
  })

  it('ignores ::add-mask:: lines and clean text', () => {
    expect(findSecrets(`::add-mask::${SECRET}\nregistered runner r-1`, [SECRET])).toEqual([])
  })
})

describe('buildInputsEnv', () => {
  const manifest: ActionManifest = {
    dir: '/action',
    inputs: [{ name: 'token', default: '${{ github.token }}' }],
    main: '/action/main.js',
  }

  it('refuses to pass an expression default it cannot evaluate', () => {
    expect(() => buildInputsEnv(manifest, {})).toThrow(/token defaults to an expression/)
    expect(buildInputsEnv(manifest, { token: 'given' })).toEqual({ INPUT_TOKEN: 'given' })
  })
})
