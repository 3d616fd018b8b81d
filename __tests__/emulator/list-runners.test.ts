import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { rawCall } from '../../emulator/raw-call.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'

let emulator: Emulator
const created: string[] = []

beforeAll(async () => {
  emulator = await startEmulator()
  const providers = ['RUNNER_PROVIDER_AWS_EC2', 'RUNNER_PROVIDER_GCP', 'RUNNER_PROVIDER_LINUX_HOST']
  for (let index = 0; index < 60; index++) {
    const reply = await rawCall(emulator, 'CreateRunner', {
      name: `gha-list-${index}`,
      provider: providers[index % 3],
    })
    created.push(reply.json.runner.runnerId)
  }
})
afterAll(() => emulator.close())

async function listAll(body: {
  pagination?: { pageSize?: number; token?: string }
  filter?: object
}) {
  const pages: string[][] = []
  let token = body.pagination?.token ?? ''
  do {
    const reply = await rawCall(emulator, 'ListRunners', {
      ...body,
      pagination: { ...body.pagination, token },
    })
    expect(reply.status).toBe(200)
    pages.push((reply.json.runners ?? []).map((runner: { runnerId: string }) => runner.runnerId))
    token = reply.json.pagination?.nextToken ?? ''
  } while (token && pages.length < 10)
  return pages
}

describe('ListRunners', () => {
  it('pages through every runner in creation order, 25 at a time by default', async () => {
    const pages = await listAll({})

    expect(pages.map((page) => page.length)).toEqual([25, 25, 10])
    expect(pages.flat()).toEqual(created)
  })

  it('honours pagination.pageSize and leaves nextToken empty on the last page', async () => {
    const pages = await listAll({ pagination: { pageSize: 30 } })
    const last = await rawCall(emulator, 'ListRunners', { pagination: { pageSize: 100 } })

    expect(pages.map((page) => page.length)).toEqual([30, 30])
    expect(last.json.runners).toHaveLength(60)
    expect(last.json.pagination?.nextToken ?? '').toBe('')
  })

  it('filters by provider, kind and creator', async () => {
    const gcp = await listAll({ filter: { providers: ['RUNNER_PROVIDER_GCP'] } })
    const local = await listAll({ filter: { kinds: ['RUNNER_KIND_LOCAL'] } })
    const stranger = await listAll({
      filter: { creatorIds: ['3b2f6c1d-8e4a-4b7c-9d0e-1f2a3b4c5d6e'] },
    })

    expect(gcp.flat()).toEqual(created.filter((_, index) => index % 3 === 1))
    expect(local.flat()).toEqual(created.filter((_, index) => index % 3 === 2))
    expect(stranger.flat()).toEqual([])
  })

  it('skips nothing when runners are deleted between pages', async () => {
    const first = await rawCall(emulator, 'ListRunners', { pagination: { pageSize: 10 } })
    await rawCall(emulator, 'DeleteRunner', { runnerId: created[3] })
    await rawCall(emulator, 'DeleteRunner', { runnerId: created[12] })

    const rest = await listAll({
      pagination: { pageSize: 10, token: first.json.pagination.nextToken },
    })

    expect(rest.flat()).toEqual(created.slice(10).filter((id) => id !== created[12]))
  })
})
