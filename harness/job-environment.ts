import { randomInt } from 'node:crypto'

/** The only variables taken from the test process: nothing else of it may reach the action. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'SystemRoot', 'GITPOD_RUNNER_ACTION_TIME_SCALE']

/**
 * Not a runner's doing but a safety net: the proxy variables point at a closed loopback port, so a
 * request an action makes to any host but loopback (a forgotten api-url falling back to the real
 * API, say) fails at once instead of leaving the machine. @actions/http-client never proxies
 * loopback, so the emulator is reached directly; a test of proxies sets its own through `env`.
 */
const EGRESS_TRAP = 'http://127.0.0.1:1'

export interface JobIdentity {
  workspace: string
  runnerTemp: string
  trackingId: string
  debug: boolean
}

/**
 * What a runner puts in every step's environment for one job. GITHUB_SERVER_URL and
 * GITHUB_API_URL are left out on purpose: they would point the action at github.com.
 */
export function jobEnvironment(job: JobIdentity): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of INHERITED) {
    const value = process.env[name]
    if (value !== undefined) env[name] = value
  }

  return {
    ...env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ID: String(randomInt(1_000_000_000, 9_999_999_999)),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test-job',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    RUNNER_TEMP: job.runnerTemp,
    RUNNER_TRACKING_ID: job.trackingId,
    RUNNER_OS: runnerOs(),
    RUNNER_ARCH: runnerArch(),
    ...(job.debug ? { RUNNER_DEBUG: '1' } : {}),
    HTTP_PROXY: EGRESS_TRAP,
    HTTPS_PROXY: EGRESS_TRAP,
  }
}

function runnerOs(): string {
  if (process.platform === 'win32') return 'Windows'
  if (process.platform === 'darwin') return 'macOS'
  return 'Linux'
}

function runnerArch(): string {
  const names: Record<string, string> = { x64: 'X64', arm64: 'ARM64', arm: 'ARM', ia32: 'X86' }
  return names[process.arch] ?? process.arch.toUpperCase()
}
