import * as core from '@actions/core'

import { ActionError } from '../action-error.js'

export const DEFAULT_API_URL = 'https://app.gitpod.io/api'

/**
 * The API token: the `token` input, else ONA_API_KEY, else GITPOD_API_KEY. Masked before anything
 * else happens, in both the form given and the form sent.
 */
export function readToken(env: NodeJS.ProcessEnv = process.env): string {
  const given = core.getInput('token') || env['ONA_API_KEY'] || env['GITPOD_API_KEY'] || ''
  if (given.trim()) core.setSecret(given.trim())

  const token = given.trim().replace(/^bearer(\s+|$)/i, '')
  if (!token) {
    throw new ActionError(
      'input token: no token given, and neither ONA_API_KEY nor GITPOD_API_KEY is set; ' +
        'pass a Gitpod personal access token, e.g. `token: ${{ secrets.GITPOD_TOKEN }}`.',
    )
  }
  core.setSecret(token)

  if (/\s/.test(token)) {
    throw new ActionError(
      'input token: the token contains whitespace; check that the secret holds exactly one ' +
        'personal access token.',
    )
  }
  return token
}

/** The API base URL: the `api-url` input, else ONA_BASE_URL, else GITPOD_BASE_URL. */
export function readApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  const given =
    core.getInput('api-url') || env['ONA_BASE_URL'] || env['GITPOD_BASE_URL'] || DEFAULT_API_URL
  let url: URL
  try {
    url = new URL(given.trim())
  } catch {
    // The value is not quoted: a malformed URL may still carry credentials or a pasted token.
    throw new ActionError(
      `input api-url: the value is not a URL; write the API base, e.g. ${DEFAULT_API_URL}.`,
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(
      'input api-url: the URL must not carry credentials, a query or a fragment; ' +
        'pass the token in the `token` input.',
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ActionError(
      `input api-url: ${url.protocol} URLs are not supported; write https://…, ` +
        `e.g. ${DEFAULT_API_URL}.`,
    )
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    core.warning(`input api-url uses plain http (${url.host}): the token travels unencrypted.`)
  }
  return url.href.replace(/\/+$/, '')
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]'
}
