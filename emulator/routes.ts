import type { ConnectRouter } from '@connectrpc/connect'

import { IdentityService, Principal } from './gen/gitpod/v1/identity_pb.js'
import { RunnerInteractionService } from './gen/gitpod/v1/runner_interaction_pb.js'
import { RunnerService } from './gen/gitpod/v1/runner_pb.js'
import { ORGANIZATION_ID, TOKEN_USER_ID } from './identities.js'
import { runnerService, type RunnerServiceOptions } from './runner-service.js'
import type { RegistrationStore } from './store.js'
import { checkRunnerId } from './validation.js'

/** Every emulated call: RunnerService, the runner heartbeat and the identity check. */
export function emulatorRoutes(store: RegistrationStore, options: RunnerServiceOptions) {
  return (router: ConnectRouter): void => {
    router.service(RunnerService, runnerService(store, options))

    router.service(RunnerInteractionService, {
      markRunnerActive(request) {
        checkRunnerId(request.runnerId)
        store.renew(request.runnerId, Date.now(), 'MarkRunnerActive')
        return {}
      },
    })

    router.service(IdentityService, {
      getAuthenticatedIdentity() {
        return {
          subject: { id: TOKEN_USER_ID, principal: Principal.USER },
          organizationId: ORGANIZATION_ID,
        }
      },
    })
  }
}
