import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findSecrets, Job, type JobOptions } from '../../harness/github-runner.js'
import { isLive } from '../../harness/tracked-processes.js'

const actionDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const TOKEN = 'fixture-token-Secret123'
const linux = process.platform === 'linux'

const jobs: Job[] = []
async function createJob(options: JobOptions = {}): Promise<Job> {
  const job = await Job.create({ actionDir, ...options })
  jobs.push(job)
  return job
}

afterEach(async () => {
  await Promise.all(jobs.splice(0).map((job) => job.close()))
})

describe('inputs', () => {
  it('passes every declared input as the runner names it, defaults filled in', async () => {
    const job = await createJob()

    const main = await job.runMain({ token: TOKEN, 'spec file': 'runner.yml' })

    const expected = {
      INPUT_MODE: 'basic',
      'INPUT_API-URL': 'http://127.0.0.1:9/unused',
      'INPUT_RENEW-INTERVAL': '6',
      INPUT_SPEC_FILE: 'runner.yml',
      INPUT_TOKEN: TOKEN,
    }
    expect(JSON.parse(main.outputs.inputs)).toEqual(expected)
    expect(main.inputsEnv).toEqual(expected)
  })

  it('gives an input without a default an empty string', async () => {
    const job = await createJob()

    const main = await job.runMain({ token: TOKEN })

    expect(JSON.parse(main.outputs.inputs).INPUT_SPEC_FILE).toBe('')
  })

  it('rejects an input the action does not declare', async () => {
    const job = await createJob()

    await expect(job.runMain({ tokn: TOKEN })).rejects.toThrow(/unknown input\(s\) tokn/)
  })
})

describe('environment', () => {
  it('gives the step a runner environment, not the test process environment', async () => {
    const job = await createJob({ env: { GITPOD_RUNNER_ACTION_TIME_SCALE: '0.05' } })

    const main = await job.runMain({ token: TOKEN })

    const env = JSON.parse(main.outputs.environment)
    expect(env).toMatchObject({
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'test-job',
      GITHUB_ACTION: '__run',
      GITHUB_WORKSPACE: job.workspace,
      RUNNER_TEMP: job.runnerTemp,
      RUNNER_TRACKING_ID: job.trackingId,
      GITPOD_RUNNER_ACTION_TIME_SCALE: '0.05',
      cwd: job.workspace,
    })
    expect(env.GITHUB_RUN_ID).toMatch(/^\d+$/)
    expect(job.trackingId).toMatch(/^github_[0-9a-f-]{36}$/)
    expect(process.env.NODE_OPTIONS).toBeDefined()
    expect(env.NODE_OPTIONS).toBeUndefined()
    expect(env.RUNNER_DEBUG).toBeUndefined()
  })

  it('sends requests for any host but loopback to a closed loopback port', async () => {
    const job = await createJob()

    const main = await job.runMain({ mode: 'proxy' })

    expect(main.outputs).toEqual({ remote: 'http://127.0.0.1:1/', loopback: 'direct' })
  })

  it('numbers steps without an id and gives each step fresh files', async () => {
    const job = await createJob()

    const first = await job.runMain({ token: TOKEN })
    const second = await job.runMain({ token: TOKEN })
    const named = await job.runMain({ token: TOKEN }, { id: 'gitpod' })

    expect([first.id, second.id, named.id]).toEqual(['__run', '__run_2', 'gitpod'])
    expect(second.files.output).not.toBe(first.files.output)
    expect(readFileSync(second.files.output, 'utf8').match(/^greeting<</gm)).toHaveLength(1)
  })
})

describe('file commands', () => {
  it('reads outputs, state, env and summary, heredoc values with their newlines', async () => {
    const job = await createJob()

    const main = await job.runMain({ token: TOKEN })

    expect(main.outputs.greeting).toBe('hello\nworld')
    expect(main.state).toEqual({ 'runner-id': 'r-123', multi: 'one\ntwo' })
    expect(main.env).toEqual({ EXPORTED_BY_MAIN: 'from-main' })
    expect(main.summary).toBe('# Fixture summary\n')
  })
})

describe('post', () => {
  it('runs with STATE_*, the same inputs, step id and step env, and main exports', async () => {
    const job = await createJob()
    const main = await job.runMain({ token: TOKEN }, { env: { STEP_ONLY: 'kept' } })

    const post = await job.runPost(main)

    expect(post.phase).toBe('post')
    expect(JSON.parse(post.outputs.states)).toEqual({
      'STATE_runner-id': 'r-123',
      STATE_multi: 'one\ntwo',
    })
    expect(JSON.parse(post.outputs.inputs)).toEqual(main.inputsEnv)
    expect(post.outputs.exported).toBe('from-main')
    expect(post.outputs.action).toBe('__run')
    expect(post.outputs['step-env']).toBe('kept')
  })
})

describe('log', () => {
  it('masks a value from its ::add-mask:: on, in this step and the later ones', async () => {
    const job = await createJob()

    const main = await job.runMain({ token: TOKEN })
    const post = await job.runPost(main)

    expect(main.masks).toEqual([TOKEN])
    expect(main.log).toContain(`token before mask ${TOKEN}`)
    expect(main.log).toContain('token after mask ***')
    expect(main.log).not.toContain('::add-mask::')
    expect(post.log).toBe('post sees token ***')
    expect(findSecrets(main, [TOKEN, 'never-printed'])).toEqual([TOKEN])
  })

  it('parses annotations with their properties and renders groups', async () => {
    const job = await createJob()

    const main = await job.runMain({ token: TOKEN })

    expect(main.annotations).toEqual([
      {
        level: 'error',
        message: 'unknown field\nsecond line',
        properties: { file: 'spec.yml', line: '4', col: '10', title: 'Bad, field: region' },
      },
      { level: 'warning', message: 'careful', properties: {} },
      { level: 'notice', message: 'fyi', properties: { title: 'Note' } },
    ])
    expect(main.log).toContain('##[group]Keeper log\ninside the group\n##[endgroup]')
    expect(main.log).toContain('written to stderr')
    expect(main.log).not.toContain('details only in debug')
  })

  it('shows ::debug:: lines and sets RUNNER_DEBUG only when debug is on', async () => {
    const job = await createJob({ debug: true })

    const main = await job.runMain({ token: TOKEN })

    expect(main.log).toContain('##[debug]details only in debug')
    expect(JSON.parse(main.outputs.environment).RUNNER_DEBUG).toBe('1')
  })

  it('marks a step that exits non-zero as failed', async () => {
    const job = await createJob()

    const main = await job.runMain({ mode: 'fail' })

    expect(main).toMatchObject({ failed: true, exitCode: 1, hungPipes: false })
    expect(main.annotations).toEqual([{ level: 'error', message: 'boom', properties: {} }])
  })
})

describe('background processes', () => {
  it('reports hungPipes when a child keeps the step stdout open', async () => {
    const job = await createJob()

    const main = await job.runMain({ mode: 'hung' }, { hungPipeWaitMs: 300 })

    expect(main.hungPipes).toBe(true)
    expect(main.failed).toBe(false)
    expect(main.eofMs - main.exitMs).toBeGreaterThanOrEqual(290)
  })

  it('does not wait for a child with its own log; close() kills it by tracking id', async () => {
    const job = await createJob()

    const main = await job.runMain({ mode: 'detached' }, { hungPipeWaitMs: 300 })

    const pid = Number(main.state['child-pid'])
    expect(main.hungPipes).toBe(false)
    expect(main.eofMs - main.exitMs).toBeLessThan(290)
    if (!linux) return
    expect(job.processes()).toEqual([pid])
    expect(isLive(pid)).toBe(true)

    await job.close()

    expect(isLive(pid)).toBe(false)
    expect(job.processes()).toEqual([])
  })
})

describe('cancellation and timeout', () => {
  it('sends SIGINT, then SIGTERM, then kills the step', async () => {
    const job = await createJob()

    const main = await job.runMain(
      { mode: 'wait' },
      { cancelAfterMs: 1500, cancelGraceMs: [300, 300] },
    )

    expect(main).toMatchObject({ cancelled: true, timedOut: false, signal: 'SIGKILL' })
    expect(main.failed).toBe(true)
    expect(readFileSync(join(job.runnerTemp, 'signals.txt'), 'utf8')).toBe('SIGINT\nSIGTERM\n')
  })

  it('kills a step that runs past its timeout, without a cancellation signal', async () => {
    const job = await createJob()

    const main = await job.runMain({ mode: 'wait' }, { timeoutMs: 800 })

    expect(main).toMatchObject({ timedOut: true, cancelled: false, signal: 'SIGKILL' })
    expect(main.log).toBe('waiting')
    expect(() => readFileSync(join(job.runnerTemp, 'signals.txt'))).toThrow()
  })
})
