import { ConnectClient, type ConnectClientOptions } from './connect-client.js'
import type {
  AuthenticatedIdentity,
  CreateRunnerResponse,
  CreateRunnerTokenResponse,
  ListRunnersFilter,
  Runner,
} from './types.js'

const RUNNER_SERVICE = 'gitpod.v1.RunnerService'
const INTERACTION_SERVICE = 'gitpod.v1.RunnerInteractionService'
const IDENTITY_SERVICE = 'gitpod.v1.IdentityService'

/** Pages of ListRunners are walked to the end, but never forever. */
const MAX_PAGES = 1000

/** The calls this action makes, one attempt each (retries are the caller's policy). */
export class RunnerService {
  private readonly client: ConnectClient

  constructor(options: ConnectClientOptions) {
    this.client = new ConnectClient(options)
  }

  createRunner(request: object): Promise<CreateRunnerResponse> {
    return this.client.call(RUNNER_SERVICE, 'CreateRunner', request)
  }

  async getRunner(runnerId: string): Promise<Runner> {
    const response = await this.client.call<{ runner: Runner }>(RUNNER_SERVICE, 'GetRunner', {
      runnerId,
    })
    return response.runner
  }

  /** Every runner the token can see, all pages (pagination travels in the body). */
  async listRunners(filter?: ListRunnersFilter): Promise<Runner[]> {
    const runners: Runner[] = []
    const seen = new Set<string>()
    let token = ''

    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.client.call<{
        runners?: Runner[]
        pagination?: { nextToken?: string }
      }>(RUNNER_SERVICE, 'ListRunners', {
        pagination: { pageSize: 100, ...(token ? { token } : {}) },
        ...(filter ? { filter } : {}),
      })
      runners.push(...(response.runners ?? []))

      token = response.pagination?.nextToken ?? ''
      if (!token || seen.has(token)) break
      seen.add(token)
    }
    return runners
  }

  async updateRunnerName(runnerId: string, name: string): Promise<void> {
    await this.client.call(RUNNER_SERVICE, 'UpdateRunner', { runnerId, name })
  }

  /** Never `force`: a forced delete also deletes the runner's environments. */
  async deleteRunner(runnerId: string): Promise<void> {
    await this.client.call(RUNNER_SERVICE, 'DeleteRunner', { runnerId })
  }

  createRunnerToken(runnerId: string): Promise<CreateRunnerTokenResponse> {
    return this.client.call(RUNNER_SERVICE, 'CreateRunnerToken', { runnerId })
  }

  /** The API's 30-second heartbeat for a registration. */
  async markRunnerActive(runnerId: string): Promise<void> {
    await this.client.call(INTERACTION_SERVICE, 'MarkRunnerActive', { runnerId })
  }

  getAuthenticatedIdentity(): Promise<AuthenticatedIdentity> {
    return this.client.call(IDENTITY_SERVICE, 'GetAuthenticatedIdentity', {})
  }

  dispose(): void {
    this.client.dispose()
  }
}
