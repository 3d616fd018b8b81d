import { create } from '@bufbuild/protobuf'
import { timestampFromMs } from '@bufbuild/protobuf/wkt'
import { createHash } from 'node:crypto'
import { Code, ConnectError } from '@connectrpc/connect'

import {
  MetricsConfigurationSchema,
  RunnerConfigurationSchema,
  RunnerKind,
  RunnerSpecSchema,
  type MetricsConfiguration,
  type Runner,
  type RunnerConfiguration,
  type UpdateRunnerRequest,
  type UpdateRunnerRequest_MetricsConfiguration,
  type UpdateRunnerRequest_RunnerConfiguration,
} from './gen/gitpod/v1/runner_pb.js'

/** Applies an UpdateRunner request with patch semantics: an absent field is left unchanged. */
export function applyUpdate(runner: Runner, request: UpdateRunnerRequest, nowMs: number): void {
  const desiredPhase = request.spec?.desiredPhase
  if (desiredPhase !== undefined && runner.kind !== RunnerKind.LOCAL_CONFIGURATION) {
    throw new ConnectError(
      'spec.desiredPhase can only be updated on the RUNNER_KIND_LOCAL_CONFIGURATION runner',
      Code.FailedPrecondition,
    )
  }

  if (request.name !== undefined) runner.name = request.name

  const patch = request.spec?.configuration
  if (patch) {
    runner.spec ??= create(RunnerSpecSchema)
    runner.spec.configuration ??= create(RunnerConfigurationSchema)
    patchConfiguration(runner.spec.configuration, patch)
  }

  runner.updatedAt = timestampFromMs(nowMs)
}

function patchConfiguration(
  target: RunnerConfiguration,
  patch: UpdateRunnerRequest_RunnerConfiguration,
): void {
  if (patch.releaseChannel !== undefined) target.releaseChannel = patch.releaseChannel
  if (patch.autoUpdate !== undefined) target.autoUpdate = patch.autoUpdate
  if (patch.logLevel !== undefined) target.logLevel = patch.logLevel
  if (patch.devcontainerImageCacheEnabled !== undefined) {
    target.devcontainerImageCacheEnabled = patch.devcontainerImageCacheEnabled
  }
  if (patch.continuousProfiling !== undefined) {
    target.continuousProfiling = patch.continuousProfiling
  }
  if (patch.honeycombApiKey !== undefined) {
    target.encryptedHoneycombApiKey = standInCiphertext(patch.honeycombApiKey)
  }

  const window = patch.updateWindow
  if (window) {
    const empty = window.startHour === undefined && window.endHour === undefined
    target.updateWindow = empty ? undefined : window
  }

  if (patch.metrics) {
    target.metrics ??= create(MetricsConfigurationSchema)
    patchMetrics(target.metrics, patch.metrics)
  }
}

function patchMetrics(
  target: MetricsConfiguration,
  patch: UpdateRunnerRequest_MetricsConfiguration,
): void {
  if (patch.enabled !== undefined) target.enabled = patch.enabled
  if (patch.url !== undefined) target.url = patch.url
  if (patch.username !== undefined) target.username = patch.username
  if (patch.password !== undefined) target.password = patch.password
  if (patch.managedMetricsEnabled !== undefined) {
    target.managedMetricsEnabled = patch.managedMetricsEnabled
  }
  if (patch.includeVerboseMetrics !== undefined) {
    target.includeVerboseMetrics = patch.includeVerboseMetrics
  }
}

/**
 * The API stores the key encrypted with the runner's public key. The emulator has no runner key
 * pair, so it stores a digest: never the plaintext, and still different for different keys.
 */
function standInCiphertext(apiKey: string): Uint8Array {
  return createHash('sha256').update(apiKey).digest()
}
