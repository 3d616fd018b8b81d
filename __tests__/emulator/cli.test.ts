import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

import { rawCall } from '../../emulator/raw-call.js'

const root = process.cwd()
let cli: ChildProcess | undefined

afterEach(() => {
  if (cli?.exitCode === null) cli.kill('SIGKILL')
})

/** Resolves with everything printed so far once `pattern` shows up in the output. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (!pattern.test(output)) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      resolve(output)
    }
    child.stdout!.on('data', onData)
  })
}

describe('npm run emulator', () => {
  it('prints how to use it, logs each call, and stops on SIGTERM', async () => {
    const token = 'gitpod_pat_emu_cli_test'
    cli = spawn(
      join(root, 'node_modules/.bin/tsx'),
      ['emulator/cli.ts', '--port', '0', '--token', token, '--lifetime', '2'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    )

    const banner = await waitForOutput(cli, /Inspect: /)
    const url = /api-url: (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!
    const logged = waitForOutput(cli, /CreateRunner 200 [0-9a-f-]{36}/)
    const reply = await rawCall({ url, token }, 'CreateRunner', {
      name: 'gha-cli',
      provider: 'RUNNER_PROVIDER_GCP',
    })
    const log = await logged
    const exited = new Promise((resolve) => cli!.once('exit', resolve))
    cli.kill('SIGTERM')

    expect(banner).toContain(`token: ${token}`)
    expect(banner).toContain('after 2000 ms')
    expect(log).toContain(`CreateRunner 200 ${reply.json.runner.runnerId}`)
    expect(await exited).toBe(0)
  })
})
