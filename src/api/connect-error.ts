/** The Connect error codes (connectrpc.com/docs/protocol), as they appear in an error body. */
export type ConnectCode =
  | 'canceled'
  | 'unknown'
  | 'invalid_argument'
  | 'deadline_exceeded'
  | 'not_found'
  | 'already_exists'
  | 'permission_denied'
  | 'resource_exhausted'
  | 'failed_precondition'
  | 'aborted'
  | 'out_of_range'
  | 'unimplemented'
  | 'internal'
  | 'unavailable'
  | 'data_loss'
  | 'unauthenticated'

/**
 * Whether the server may have acted on a request that failed: `no` when it never left this
 * machine (connection refused, unknown host), `maybe` when it was sent and no answer came
 * (reset, timeout), `yes` when the server answered with an error.
 */
export type Delivery = 'no' | 'maybe' | 'yes'

const ADVICE: Partial<Record<ConnectCode, string>> = {
  unauthenticated:
    'check the `token` input: it must be a valid Gitpod personal access token ' +
    '(or set ONA_API_KEY / GITPOD_API_KEY)',
  permission_denied: "the token's user needs runner admin rights in the organization",
  invalid_argument: 'the request was rejected as malformed; check the runner spec',
  not_found: 'the runner does not exist (any more)',
  unimplemented: 'this API endpoint does not offer the call; check the `api-url` input',
  resource_exhausted: 'the API is rate limiting; try again later',
  unavailable: 'the API is unreachable or overloaded; try again later',
  deadline_exceeded: 'the API did not answer in time; try again later',
  failed_precondition: 'the organization or runner is not in a state that allows this call',
}

/** A failed call to the Gitpod API, as one line that names the call and the code. */
export class ConnectError extends Error {
  constructor(
    readonly method: string,
    readonly code: ConnectCode,
    readonly detail: string,
    readonly delivery: Delivery,
    readonly httpStatus?: number,
    /** The delay the server asked for before a retry, when it named one. */
    readonly retryAfterMs?: number,
    /** Whether to add the code's general advice (off when the detail already says what to do). */
    advise = true,
  ) {
    super(describe(method, code, detail, advise))
    this.name = 'ConnectError'
  }
}

function describe(method: string, code: ConnectCode, detail: string, advise: boolean): string {
  const advice = advise ? ADVICE[code] : undefined
  const said = detail ? `: ${detail}` : ''
  return `${method} failed with ${code}${said}${advice ? ` (${advice})` : ''}`
}

/** The code a Connect client assumes when an error response carries none (protocol spec). */
export function codeFromHttpStatus(status: number): ConnectCode {
  switch (status) {
    case 400:
      return 'internal'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'permission_denied'
    case 404:
      return 'unimplemented'
    case 408:
      return 'deadline_exceeded'
    case 429:
    case 502:
    case 503:
    case 504:
      return 'unavailable'
    default:
      return 'unknown'
  }
}

const CODES = new Set<string>(
  Object.keys(ADVICE).concat([
    'canceled',
    'unknown',
    'already_exists',
    'aborted',
    'out_of_range',
    'internal',
    'data_loss',
  ]),
)

export function isConnectCode(value: unknown): value is ConnectCode {
  return typeof value === 'string' && CODES.has(value)
}
