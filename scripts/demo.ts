// The project's main job: the whole lifecycle of the bundled action against the local emulator,
// run exactly as a GitHub runner runs it (harness/). Real time, no scaling: a 30 s lifetime and
// renewals every second, so the timeline shows several renewals in a few seconds.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { startEmulator, type Emulator } from '../emulator/server.js'
import { Job } from '../harness/github-runner.js'
import { maskText } from '../harness/masking.js'
import type { StepResult } from '../harness/types.js'
import { indent, PRODUCTION_RUNNER_SPEC } from './production-runner.js'

const JOB_SECONDS = 4

const SPEC_FILE = PRODUCTION_RUNNER_SPEC

const heading = (text: string) => console.log(`\n\x1b[1m== ${text}\x1b[0m`)

async function demo(): Promise<string[]> {
  const emulator = await startEmulator()
  const job = await Job.create()
  const problems: string[] = []
  try {
    heading(`Emulator of the Gitpod API at ${emulator.url} (registration lifetime 30 s)`)
    writeFileSync(join(job.workspace, 'gitpod-runner.yaml'), SPEC_FILE)
    console.log(indent(`spec-file gitpod-runner.yaml:\n${SPEC_FILE}`))

    const inputs = {
      token: emulator.token,
      'api-url': emulator.url,
      'spec-file': 'gitpod-runner.yaml',
      'renew-interval': '1',
    }
    console.log(
      indent(
        'renew-interval: 1 (the default is 10 s; 1 s shows several renewals in a few seconds)',
      ),
    )
    const main = await job.runMain(inputs)
    showStep('Main step', main)
    showOutputs(main)
    if (main.failed) problems.push('the main step failed')

    heading(`Later steps of the job (${JOB_SECONDS} s): the keeper renews in the background`)
    await new Promise((resolve) => setTimeout(resolve, JOB_SECONDS * 1000))
    const live = emulator.registrations()[0]
    console.log(indent(`emulator: ${live?.name} is ${live?.phase}, ${live?.renewals} renewals`))
    console.log(indent(`keeper processes of this job: ${job.processes().join(', ') || 'none'}`))

    const post = await job.runPost(main)
    showStep('Post step', post)
    showSummary(post)
    if (!post.summary.includes('<table>')) problems.push('the post step wrote no job summary')
    if (post.failed) problems.push('the post step failed')

    problems.push(...showTimeline(emulator))
    if (job.processes().length > 0) problems.push('a process of this job outlived the post step')
  } finally {
    await job.close()
    await emulator.close()
  }
  return problems
}

function showStep(title: string, step: StepResult): void {
  heading(`${title}: exit ${step.exitCode}, output closed after ${step.eofMs} ms`)
  console.log(indent(step.log))
}

/** The job summary file, its HTML table read back as rows. */
function showSummary(post: StepResult): void {
  heading(`Job summary (${post.files.summary})`)
  const rows = [...post.summary.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]),
  )
  const title = /<h3>(.*?)<\/h3>/.exec(post.summary)?.[1] ?? '(no heading)'
  console.log(
    indent([title, ...rows.map(([name, value]) => `${name.padEnd(28)} ${value}`)].join('\n')),
  )
}

function showOutputs(main: StepResult): void {
  heading('Outputs (as the runner shows them: masked values are ***)')
  for (const [name, value] of Object.entries(main.outputs)) {
    const shown = name === 'runner' ? `${value.slice(0, 100)}…` : value
    console.log(indent(`${name.padEnd(15)} ${maskText(shown, main.masks)}`))
  }
}

function showTimeline(emulator: Emulator): string[] {
  const registrations = emulator.registrations()
  heading('The registration as the emulator saw it')
  const problems: string[] = []
  if (registrations.length !== 1) problems.push(`${registrations.length} registrations, not 1`)

  for (const registration of registrations) {
    const start = Date.parse(registration.createdAt)
    for (const event of emulator.timeline(registration.runnerId)) {
      const at = `+${((event.atMs - start) / 1000).toFixed(2)} s`.padStart(9)
      const detail =
        event.type === 'renewed'
          ? `via ${event.via}, ${(event.gapMs / 1000).toFixed(2)} s after the previous one`
          : event.type === 'deleted'
            ? `force ${event.force}`
            : ''
      console.log(indent(`${at}  ${event.type.padEnd(8)} ${detail}`))
    }
    console.log(
      indent(
        `${registration.renewals} renewals, longest gap ` +
          `${(registration.longestGapMs / 1000).toFixed(2)} s, ${registration.lapses} lapses, ` +
          `deleted: ${registration.deleted}`,
      ),
    )
    if (!registration.deleted) problems.push('the registration was not deleted')
    if (registration.lapses > 0) problems.push('the registration lapsed')
    if (registration.renewals < JOB_SECONDS) problems.push('too few renewals')
  }
  return problems
}

const problems = await demo()
if (problems.length > 0) {
  console.error(`\nDemo FAILED: ${problems.join('; ')}.`)
  process.exit(1)
}
console.log('\nDemo passed: created, kept alive, deleted; nothing left behind.')
