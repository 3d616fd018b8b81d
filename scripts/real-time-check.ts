// The keep-alive in real time, no scaling: a registration with the API's 30 s lifetime, renewed
// every 10 s by the bundled keeper through a 75 s job, must never lapse. Runs dist/ as a GitHub
// runner does (harness/) against the local emulator. Not part of `npm test`: it takes 80 s.
import { startEmulator, type Emulator, type TimelineEvent } from '../emulator/server.js'
import { Job } from '../harness/github-runner.js'
import type { StepResult } from '../harness/types.js'
import { TIME_SCALE_VARIABLE } from '../src/time-scale.js'
import { indent } from './production-runner.js'

const JOB_SECONDS = 75
const RENEW_INTERVAL_SECONDS = 10

/** A renewal every 10 s for 75 s, less one for a slow machine. */
const MIN_RENEWALS = Math.floor(JOB_SECONDS / RENEW_INTERVAL_SECONDS) - 1

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function check(): Promise<string[]> {
  // The emulator and the harness both read the scale; this check is about real time.
  delete process.env[TIME_SCALE_VARIABLE]

  const emulator = await startEmulator()
  const job = await Job.create()
  try {
    console.log(
      `Emulator at ${emulator.url}, registration lifetime ${seconds(emulator.lifetimeMs)}`,
    )
    const main = await job.runMain({
      token: emulator.token,
      'api-url': emulator.url,
      provider: 'aws-ec2',
      'renew-interval': String(RENEW_INTERVAL_SECONDS),
    })
    showStep('main', main)
    if (main.failed) return ['the main step failed']

    await waitOutTheJob(emulator, main.outputs['runner-id'])
    const post = await job.runPost(main)
    showStep('post', post)

    const problems = showTimeline(emulator, main.outputs['runner-id'])
    if (post.failed) problems.push('the post step failed')
    if (post.annotations.length > 0) problems.push('the post step raised annotations')
    if (job.processes().length > 0) problems.push('a process of the job outlived the post step')
    return problems
  } finally {
    await job.close()
    await emulator.close()
  }
}

/** The later steps of the job: nothing but time, with a line every 15 s to show it is alive. */
async function waitOutTheJob(emulator: Emulator, runnerId: string): Promise<void> {
  for (let elapsed = 0; elapsed < JOB_SECONDS; elapsed += 15) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(15, JOB_SECONDS - elapsed) * 1000))
    const renewals = emulator.timeline(runnerId).filter((event) => event.type === 'renewed')
    console.log(
      `   ${Math.min(elapsed + 15, JOB_SECONDS)} s of the job: ${renewals.length} renewals`,
    )
  }
}

function showStep(name: string, step: StepResult): void {
  console.log(
    `\n${name}: exit ${step.exitCode} after ${step.exitMs} ms, EOF after ${step.eofMs} ms`,
  )
  console.log(indent(step.log))
}

function showTimeline(emulator: Emulator, runnerId: string): string[] {
  const timeline = emulator.timeline(runnerId)
  const createdAt = timeline[0].atMs
  console.log('\nThe registration as the emulator saw it:')
  for (const event of timeline) console.log(indent(describe(event, createdAt)))

  const renewals = timeline.filter((event) => event.type === 'renewed')
  const lapses = timeline.filter((event) => event.type === 'lapsed').length
  const longestGapMs = Math.max(0, ...renewals.map((event) => event.gapMs))
  const deleted = timeline.some((event) => event.type === 'deleted')
  console.log(
    `\nFigures: ${renewals.length} renewals (the main step's first included), ` +
      `longest gap ${seconds(longestGapMs)} ` +
      `(lifetime ${seconds(emulator.lifetimeMs)}), ${lapses} lapses, deleted: ${deleted}`,
  )

  const problems: string[] = []
  if (lapses > 0) problems.push(`the registration lapsed ${lapses} time(s)`)
  if (longestGapMs >= emulator.lifetimeMs) problems.push('a gap reached the lifetime')
  if (renewals.length < MIN_RENEWALS) problems.push(`only ${renewals.length} renewals`)
  if (!deleted) problems.push('the registration was not deleted')
  return problems
}

function describe(event: TimelineEvent, createdAt: number): string {
  const at = `+${seconds(event.atMs - createdAt)}`.padStart(10)
  const detail = event.type === 'renewed' ? `via ${event.via}, gap ${seconds(event.gapMs)}` : ''
  return `${at}  ${event.type.padEnd(8)} ${detail}`
}

const problems = await check()
if (problems.length > 0) {
  console.error(`\nReal-time check FAILED: ${problems.join('; ')}.`)
  process.exit(1)
}
console.log('\nReal-time check passed: renewed throughout, never lapsed, deleted at the end.')
