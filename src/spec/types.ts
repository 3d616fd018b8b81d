/**
 * The CreateRunner request as it goes on the wire: proto3 JSON names, enums as their full names
 * (gitpod-api.md 1.2, 1.8, 1.9). Every field is optional; an unset field is left out.
 */

export type RunnerKind =
  | 'RUNNER_KIND_UNSPECIFIED'
  | 'RUNNER_KIND_LOCAL'
  | 'RUNNER_KIND_REMOTE'
  | 'RUNNER_KIND_LOCAL_CONFIGURATION'

export type RunnerProvider =
  | 'RUNNER_PROVIDER_UNSPECIFIED'
  | 'RUNNER_PROVIDER_AWS_EC2'
  | 'RUNNER_PROVIDER_LINUX_HOST'
  | 'RUNNER_PROVIDER_DESKTOP_MAC'
  | 'RUNNER_PROVIDER_MANAGED'
  | 'RUNNER_PROVIDER_GCP'
  | 'RUNNER_PROVIDER_DEV_AGENT'

export type RunnerPhase =
  | 'RUNNER_PHASE_UNSPECIFIED'
  | 'RUNNER_PHASE_CREATED'
  | 'RUNNER_PHASE_INACTIVE'
  | 'RUNNER_PHASE_ACTIVE'
  | 'RUNNER_PHASE_DELETING'
  | 'RUNNER_PHASE_DELETED'
  | 'RUNNER_PHASE_DEGRADED'

export type RunnerReleaseChannel =
  | 'RUNNER_RELEASE_CHANNEL_UNSPECIFIED'
  | 'RUNNER_RELEASE_CHANNEL_STABLE'
  | 'RUNNER_RELEASE_CHANNEL_LATEST'

export type LogLevel =
  | 'LOG_LEVEL_UNSPECIFIED'
  | 'LOG_LEVEL_DEBUG'
  | 'LOG_LEVEL_INFO'
  | 'LOG_LEVEL_WARN'
  | 'LOG_LEVEL_ERROR'

export type RunnerVariant =
  'RUNNER_VARIANT_UNSPECIFIED' | 'RUNNER_VARIANT_STANDARD' | 'RUNNER_VARIANT_ENTERPRISE'

/** Daily UTC window for auto-updates; the API defaults endHour to startHour + 2. */
export interface UpdateWindow {
  startHour?: number
  endHour?: number
}

export interface MetricsConfiguration {
  enabled?: boolean
  url?: string
  username?: string
  /** Secret. */
  password?: string
  managedMetricsEnabled?: boolean
  includeVerboseMetrics?: boolean
}

export interface RunnerConfiguration {
  /** Only a hint: the runner's status says where it really runs. */
  region?: string
  releaseChannel?: RunnerReleaseChannel
  autoUpdate?: boolean
  metrics?: MetricsConfiguration
  logLevel?: LogLevel
  devcontainerImageCacheEnabled?: boolean
  updateWindow?: UpdateWindow
  /** Secret, base64: a key encrypted with the runner's public key. */
  encryptedHoneycombApiKey?: string
  continuousProfiling?: boolean
}

export interface RunnerSpec {
  desiredPhase?: RunnerPhase
  configuration?: RunnerConfiguration
  variant?: RunnerVariant
}

export interface CreateRunnerRequest {
  name?: string
  kind?: RunnerKind
  provider?: RunnerProvider
  spec?: RunnerSpec
  runnerManagerId?: string
}
