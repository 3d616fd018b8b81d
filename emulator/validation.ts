import { Code, ConnectError } from '@connectrpc/connect'
import type { DescEnum } from '@bufbuild/protobuf'

import {
  RunnerKind,
  RunnerKindSchema,
  RunnerProvider,
  RunnerProviderSchema,
  type CreateRunnerRequest,
  type ListRunnersRequest,
  type UpdateRunnerRequest,
  type UpdateWindow,
} from './gen/gitpod/v1/runner_pb.js'

/**
 * The request rules the API documents (buf.validate rules and field comments) that a Connect
 * library cannot check by itself. Messages follow protovalidate's shape and name the field.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_FILTER_ITEMS = 25
export const DEFAULT_PAGE_SIZE = 25
const MAX_PAGE_SIZE = 100

export function invalid(field: string, problem: string): ConnectError {
  return new ConnectError(`validation error: ${field}: ${problem}`, Code.InvalidArgument)
}

export function checkRunnerId(runnerId: string): void {
  checkUuid(runnerId, 'runnerId')
}

export function checkCreateRunner(request: CreateRunnerRequest): void {
  checkName(request.name, 'name')
  checkDefined(RunnerKindSchema, request.kind, 'kind')
  checkDefined(RunnerProviderSchema, request.provider, 'provider')

  const hasKind = request.kind !== RunnerKind.UNSPECIFIED
  const hasProvider = request.provider !== RunnerProvider.UNSPECIFIED
  if (hasKind && hasProvider) {
    throw invalid('kind', 'must not be set when provider is set (the kind is deduced)')
  }
  if (!hasKind && !hasProvider) throw invalid('provider', 'one of provider or kind must be set')
  if (request.kind === RunnerKind.LOCAL_CONFIGURATION) {
    throw invalid('kind', 'RUNNER_KIND_LOCAL_CONFIGURATION runners cannot be created')
  }

  checkRunnerManagerId(request)

  const window = request.spec?.configuration?.updateWindow
  if (window) checkUpdateWindow(window, 'spec.configuration.updateWindow', false)
}

export function checkUpdateRunner(request: UpdateRunnerRequest): void {
  checkRunnerId(request.runnerId)
  if (request.name !== undefined) checkName(request.name, 'name')

  const window = request.spec?.configuration?.updateWindow
  if (window) checkUpdateWindow(window, 'spec.configuration.updateWindow', true)
}

export function checkListRunners(request: ListRunnersRequest): void {
  const pageSize = request.pagination?.pageSize ?? 0
  if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
    throw invalid(
      'pagination.pageSize',
      `value must be between 0 and ${MAX_PAGE_SIZE}, got ${pageSize}`,
    )
  }

  const filter = request.filter
  if (!filter) return

  const lists = { creatorIds: filter.creatorIds, kinds: filter.kinds, providers: filter.providers }
  for (const [name, list] of Object.entries(lists)) {
    if (list.length > MAX_FILTER_ITEMS) {
      throw invalid(`filter.${name}`, `value must contain at most ${MAX_FILTER_ITEMS} item(s)`)
    }
  }
  filter.creatorIds.forEach((id, index) => checkUuid(id, `filter.creatorIds[${index}]`))
}

/**
 * Checks a window and fills in the documented default end (start + 2). An empty window is only
 * meaningful in an update, where it clears a custom window.
 */
export function checkUpdateWindow(window: UpdateWindow, field: string, emptyClears: boolean): void {
  const { startHour, endHour } = window
  if (startHour === undefined && endHour === undefined && emptyClears) return
  if (startHour === undefined) throw invalid(`${field}.startHour`, 'value is required')

  checkHour(startHour, `${field}.startHour`)
  if (endHour !== undefined) checkHour(endHour, `${field}.endHour`)

  const end = endHour ?? (startHour + 2) % 24
  const hours = (end - startHour + 24) % 24
  if (hours < 2) {
    throw invalid(field, `the window must be at least 2 hours long, got ${startHour}:00-${end}:00`)
  }
  window.endHour = end
}

function checkName(name: string, field: string): void {
  const length = [...name].length
  if (length < 3) throw invalid(field, `value length must be at least 3 characters, got ${length}`)
  if (length > 127)
    throw invalid(field, `value length must be at most 127 characters, got ${length}`)
}

function checkRunnerManagerId(request: CreateRunnerRequest): void {
  const managed = request.provider === RunnerProvider.MANAGED
  if (managed && !request.runnerManagerId) {
    throw invalid('runnerManagerId', 'value is required for RUNNER_PROVIDER_MANAGED')
  }
  if (!managed && request.runnerManagerId) {
    throw invalid('runnerManagerId', 'must not be set unless provider is RUNNER_PROVIDER_MANAGED')
  }
  if (managed) checkUuid(request.runnerManagerId, 'runnerManagerId')
}

function checkUuid(value: string, field: string): void {
  if (!value) throw invalid(field, 'value is empty, which is not a valid UUID')
  if (!UUID.test(value)) throw invalid(field, `value must be a valid UUID, got "${value}"`)
}

function checkHour(hour: number, field: string): void {
  if (hour > 23) throw invalid(field, `value must be between 0 and 23, got ${hour}`)
}

/** JSON may carry an enum as a bare number, which the parser accepts even when undefined. */
function checkDefined(schema: DescEnum, value: number, field: string): void {
  if (!schema.value[value]) throw invalid(field, `value must be one of the defined enum values`)
}
