import { clone, create } from '@bufbuild/protobuf'
import { timestampFromMs } from '@bufbuild/protobuf/wkt'

import { Principal } from './gen/gitpod/v1/identity_pb.js'
import {
  RunnerKind,
  RunnerPhase,
  RunnerProvider,
  RunnerSchema,
  RunnerSpecSchema,
  type CreateRunnerRequest,
  type Runner,
} from './gen/gitpod/v1/runner_pb.js'
import { TOKEN_USER_ID } from './identities.js'
import type { Lifecycle } from './lifecycle.js'

const LOCAL_PROVIDERS = [RunnerProvider.LINUX_HOST, RunnerProvider.DESKTOP_MAC]

/** The runner as CreateRunner stores it: the spec exactly as sent, secrets included. */
export function newRunner(runnerId: string, request: CreateRunnerRequest, nowMs: number): Runner {
  const spec = request.spec ? clone(RunnerSpecSchema, request.spec) : create(RunnerSpecSchema)

  return create(RunnerSchema, {
    runnerId,
    createdAt: timestampFromMs(nowMs),
    updatedAt: timestampFromMs(nowMs),
    name: request.name,
    spec,
    status: { region: spec.configuration?.region ?? '' },
    creator: { id: TOKEN_USER_ID, principal: Principal.USER },
    kind: kindOf(request),
    provider: request.provider,
    runnerManagerId: request.runnerManagerId,
  })
}

/** Brings `runner.status` in line with the registration's lifecycle before it is returned. */
export function syncStatus(runner: Runner, life: Lifecycle, lifetimeMs: number): Runner {
  const status = runner.status!
  status.phase = life.phase
  status.updatedAt = timestampFromMs(life.phaseSinceMs)
  status.region = runner.spec?.configuration?.region ?? ''
  status.message = phaseMessage(life.phase, lifetimeMs)
  return runner
}

function kindOf(request: CreateRunnerRequest): RunnerKind {
  if (request.provider === RunnerProvider.UNSPECIFIED) return request.kind
  return LOCAL_PROVIDERS.includes(request.provider) ? RunnerKind.LOCAL : RunnerKind.REMOTE
}

function phaseMessage(phase: RunnerPhase, lifetimeMs: number): string {
  if (phase === RunnerPhase.CREATED) return 'registration created; waiting for the first renewal'
  if (phase === RunnerPhase.INACTIVE) {
    return `registration lapsed: not renewed within ${lifetimeMs} ms`
  }
  return ''
}
