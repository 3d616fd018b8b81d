import { randomUUID } from 'node:crypto'
import { Code, ConnectError } from '@connectrpc/connect'

import {
  RunnerKindSchema,
  RunnerPhase,
  RunnerPhaseSchema,
  RunnerProviderSchema,
  type CreateRunnerRequest,
  type Runner,
} from './gen/gitpod/v1/runner_pb.js'
import {
  end,
  renew,
  settle,
  startLifecycle,
  type Lifecycle,
  type RenewalCall,
  type TimelineEvent,
} from './lifecycle.js'
import { newRunner, syncStatus } from './runner-object.js'

export interface Registration {
  /** Creation order; ListRunners pages by it. */
  sequence: number
  runner: Runner
  life: Lifecycle
}

/** One registration as tests and the admin endpoint see it, deleted ones included. */
export interface RegistrationView {
  runnerId: string
  name: string
  kind: string
  provider: string
  phase: string
  createdAt: string
  lastRenewalAt: string
  /** Time without a renewal: until now, or until the deletion. */
  silentForMs: number
  renewals: number
  longestGapMs: number
  lapses: number
  deleted: boolean
  deletedAt?: string
  timeline: TimelineEvent[]
}

/** The registrations, with their lifecycle brought up to date on every access. */
export class RegistrationStore {
  private readonly registrations = new Map<string, Registration>()
  private nextSequence = 1

  constructor(readonly lifetimeMs: number) {}

  create(request: CreateRunnerRequest, nowMs: number): Registration {
    const runner = newRunner(randomUUID(), request, nowMs)
    const registration = { sequence: this.nextSequence++, runner, life: startLifecycle(nowMs) }
    this.registrations.set(runner.runnerId, registration)
    this.settle(registration, nowMs)
    return registration
  }

  /** The live registration, or not_found (deleted ones are gone for every call). */
  find(runnerId: string, nowMs: number): Registration {
    const registration = this.registrations.get(runnerId)
    if (!registration || registration.life.deletedAtMs !== undefined) {
      throw new ConnectError(`runner ${runnerId} not found`, Code.NotFound)
    }
    this.settle(registration, nowMs)
    return registration
  }

  renew(runnerId: string, nowMs: number, via: RenewalCall): Registration {
    const registration = this.find(runnerId, nowMs)
    renew(registration.life, nowMs, this.lifetimeMs, via)
    this.settle(registration, nowMs)
    return registration
  }

  remove(runnerId: string, nowMs: number, force: { force: boolean; forceSent: boolean }): void {
    const registration = this.find(runnerId, nowMs)
    end(registration.life, nowMs, this.lifetimeMs, force)
  }

  /** Live registrations in creation order. */
  live(nowMs: number): Registration[] {
    return this.all(nowMs).filter((registration) => registration.life.deletedAtMs === undefined)
  }

  views(nowMs: number): RegistrationView[] {
    return this.all(nowMs).map((registration) => view(registration, nowMs))
  }

  timeline(runnerId: string, nowMs: number): TimelineEvent[] {
    const registration = this.registrations.get(runnerId)
    if (!registration) throw new Error(`the emulator has no registration ${runnerId}`)
    this.settle(registration, nowMs)
    return [...registration.life.timeline]
  }

  clear(): void {
    this.registrations.clear()
  }

  private all(nowMs: number): Registration[] {
    const registrations = [...this.registrations.values()]
    registrations.forEach((registration) => this.settle(registration, nowMs))
    return registrations
  }

  private settle(registration: Registration, nowMs: number): void {
    settle(registration.life, nowMs, this.lifetimeMs)
    syncStatus(registration.runner, registration.life, this.lifetimeMs)
  }
}

function view({ runner, life }: Registration, nowMs: number): RegistrationView {
  const { deletedAtMs } = life
  const deleted = deletedAtMs !== undefined

  return {
    runnerId: runner.runnerId,
    name: runner.name,
    kind: RunnerKindSchema.value[runner.kind]?.name ?? String(runner.kind),
    provider: RunnerProviderSchema.value[runner.provider]?.name ?? String(runner.provider),
    phase: RunnerPhaseSchema.value[deleted ? RunnerPhase.DELETED : life.phase]!.name,
    createdAt: new Date(life.createdAtMs).toISOString(),
    lastRenewalAt: new Date(life.lastRenewalAtMs).toISOString(),
    silentForMs: (deletedAtMs ?? nowMs) - life.lastRenewalAtMs,
    renewals: life.renewals,
    longestGapMs: life.longestGapMs,
    lapses: life.lapses,
    deleted,
    ...(deleted && { deletedAt: new Date(deletedAtMs).toISOString() }),
    timeline: [...life.timeline],
  }
}
