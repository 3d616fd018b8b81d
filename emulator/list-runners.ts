import type { MessageInitShape } from '@bufbuild/protobuf'

import {
  type ListRunnersRequest,
  type ListRunnersResponseSchema,
} from './gen/gitpod/v1/runner_pb.js'
import type { Registration } from './store.js'
import { DEFAULT_PAGE_SIZE, invalid } from './validation.js'

const TOKEN_PREFIX = 'after:'

/**
 * One page of the live registrations that pass the filter, in creation order. The page token
 * names the last registration served, so deletions between pages skip nothing.
 */
export function listRunners(
  registrations: Registration[],
  request: ListRunnersRequest,
): MessageInitShape<typeof ListRunnersResponseSchema> {
  const pageSize = request.pagination?.pageSize || DEFAULT_PAGE_SIZE
  const afterSequence = readToken(request.pagination?.token ?? '')

  const matching = registrations.filter(
    (registration) =>
      registration.sequence > afterSequence && passesFilter(registration, request.filter),
  )
  const page = matching.slice(0, pageSize)

  const last = page[page.length - 1]
  const nextToken = matching.length > pageSize && last ? writeToken(last.sequence) : ''
  return { runners: page.map((registration) => registration.runner), pagination: { nextToken } }
}

function passesFilter({ runner }: Registration, filter: ListRunnersRequest['filter']): boolean {
  if (!filter) return true

  const { creatorIds, kinds, providers } = filter
  if (creatorIds.length > 0 && !creatorIds.includes(runner.creator?.id ?? '')) return false
  if (kinds.length > 0 && !kinds.includes(runner.kind)) return false
  return providers.length === 0 || providers.includes(runner.provider)
}

function writeToken(sequence: number): string {
  return Buffer.from(TOKEN_PREFIX + sequence).toString('base64url')
}

function readToken(token: string): number {
  if (!token) return 0

  const text = Buffer.from(token, 'base64url').toString()
  const sequence = Number(text.slice(TOKEN_PREFIX.length))
  if (!text.startsWith(TOKEN_PREFIX) || !Number.isSafeInteger(sequence) || sequence < 1) {
    throw invalid('pagination.token', 'not a token from a previous ListRunners response')
  }
  return sequence
}
