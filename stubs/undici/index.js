// Stands in for undici in this action's bundles (see README.md beside this file).
export class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not bundled with gitpod-runner-action: HttpClient.getAgentDispatcher() is unused',
    )
  }
}
