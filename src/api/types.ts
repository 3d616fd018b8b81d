/**
 * The parts of the API's responses the action reads (gitpod-api.md 1.8). Zero values may be
 * omitted on the wire, so nearly everything is optional.
 */
export interface Runner {
  runnerId: string
  name?: string
  createdAt?: string
  updatedAt?: string
  kind?: string
  provider?: string
  runnerManagerId?: string
  creator?: { id?: string; principal?: string }
  spec?: Record<string, unknown>
  status?: RunnerStatus
}

export interface RunnerStatus {
  phase?: string
  region?: string
  message?: string
  version?: string
  updatedAt?: string
  logUrl?: string
}

export interface CreateRunnerResponse {
  runner: Runner
  exchangeToken?: string
  /** Deprecated by the API in favour of the exchange token. */
  accessToken?: string
}

export interface CreateRunnerTokenResponse {
  exchangeToken?: string
  accessToken?: string
}

export interface ListRunnersFilter {
  creatorIds?: string[]
  kinds?: string[]
  providers?: string[]
}

export interface AuthenticatedIdentity {
  subject?: { id?: string; principal?: string }
  organizationId?: string
}
