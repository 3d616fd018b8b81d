import type { ServiceImpl } from '@connectrpc/connect'

import { callKey, bodyHas } from './call-context.js'
import { RunnerService } from './gen/gitpod/v1/runner_pb.js'
import { newRunnerCredential } from './identities.js'
import { listRunners } from './list-runners.js'
import type { RegistrationStore } from './store.js'
import { applyUpdate } from './update-runner.js'
import {
  checkCreateRunner,
  checkListRunners,
  checkRunnerId,
  checkUpdateRunner,
} from './validation.js'

export interface RunnerServiceOptions {
  /** The deprecated access token in Create/CreateRunnerToken responses. */
  returnAccessToken: boolean
  /** Every exchange and access token handed out is appended here, for secret sweeps. */
  issuedCredentials?: string[]
}

export function runnerService(
  store: RegistrationStore,
  { returnAccessToken, issuedCredentials }: RunnerServiceOptions,
): ServiceImpl<typeof RunnerService> {
  const credentials = () => {
    const issued = {
      exchangeToken: newRunnerCredential(),
      accessToken: returnAccessToken ? newRunnerCredential() : '',
    }
    issuedCredentials?.push(...Object.values(issued).filter(Boolean))
    return issued
  }

  return {
    createRunner(request) {
      checkCreateRunner(request)
      const { runner } = store.create(request, Date.now())
      return { runner, ...credentials() }
    },

    getRunner(request) {
      checkRunnerId(request.runnerId)
      return { runner: store.find(request.runnerId, Date.now()).runner }
    },

    listRunners(request) {
      checkListRunners(request)
      return listRunners(store.live(Date.now()), request)
    },

    updateRunner(request) {
      checkUpdateRunner(request)
      const nowMs = Date.now()

      // Any accepted update counts as a renewal, so a name "touch" keeps a registration alive.
      applyUpdate(store.find(request.runnerId, nowMs).runner, request, nowMs)
      store.renew(request.runnerId, nowMs, 'UpdateRunner')
      return {}
    },

    deleteRunner(request, context) {
      checkRunnerId(request.runnerId)

      // Recorded so tests can prove the action never asks for a forced delete.
      const forceSent = request.force || bodyHas(context.values.get(callKey), 'force')
      store.remove(request.runnerId, Date.now(), { force: request.force, forceSent })
      return {}
    },

    createRunnerToken(request) {
      checkRunnerId(request.runnerId)
      store.find(request.runnerId, Date.now())
      return credentials()
    },
  }
}
