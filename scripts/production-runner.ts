/**
 * The "Production Runner" example of the API's CreateRunner reference, word for word: the spec
 * file the demo, the real-time check, the benchmarks and the end-to-end tests keep in their
 * workspace, as a repository would.
 */
export const PRODUCTION_RUNNER_SPEC = `name: "Production Runner"
provider: RUNNER_PROVIDER_AWS_EC2
spec:
  desiredPhase: RUNNER_PHASE_ACTIVE
  configuration:
    region: "us-west"
    releaseChannel: RUNNER_RELEASE_CHANNEL_STABLE
    autoUpdate: true
`

/** Indents a block of output under a heading, as the demo and the real-time check print it. */
export function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `   | ${line}`)
    .join('\n')
}
