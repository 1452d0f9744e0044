import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { performersWith } from '../core/job-performers'
import { getMember } from '../../xmlrpc/get-member'
import type { XmlRpcStruct } from '../../xmlrpc/values'
import { JobStore } from '../../queue/job-store'
import { newJob } from '../../queue/new-job'
import { Publisher } from '../../queue/publisher'
import type { Fault } from './testing/fault-plan'
import { startFaultServer, type FaultServer } from './testing/fault-server'
import { manualClock } from '../../queue/testing/manual-clock'
import { emptyWorld, soakDeps } from './testing/soak-deps'
import { writeJsonDurable } from '../../queue/write-json'

let server: FaultServer | undefined
let dir: string | undefined
afterEach(async () => {
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** The real webHost.put performer against the fault server, with faults chosen per file. */
async function setup(faults: Record<string, Fault[]>, password = 'pw') {
  server = await startFaultServer({
    members: [{ email: 'w@x.test', password: 'pw' }],
    fault: (method, params) => faults[String(getMember(params[0] as XmlRpcStruct, 'relativePath'))]?.shift(),
  })
  dir = await mkdtemp(join(tmpdir(), 'upstream-files-'))
  const clock = manualClock()
  const world = emptyWorld()
  world.accounts.set('web', { id: 'web', kind: 'webhost', name: 'Web', url: server.endpoint, username: 'w@x.test' })
  world.passwords.set('web', password)
  const at = clock.now().toISOString()
  world.drafts.set('d', {
    id: 'd',
    kind: 'page',
    accountId: 'web',
    title: 'Page',
    body: '<p>hello</p>',
    format: 'html',
    createdAt: at,
    updatedAt: at,
    revision: 1,
    published: [],
  })
  const store = await JobStore.open(dir, writeJsonDurable)
  const publisher = new Publisher({
    store,
    performers: performersWith(soakDeps(world, clock, 2_000)),
    onChange: () => {},
    clock,
    random: () => 1,
  })
  clock.idle = () => publisher.idle()
  await publisher.start()
  const job = await publisher.enqueue(
    newJob(
      {
        action: 'webhost.put',
        draftId: 'd',
        accountId: 'web',
        label: 'site',
        files: ['site/a.html', 'site/b.html', 'site/c.html'],
      },
      clock.now(),
    ),
  )
  await publisher.idle()
  return { clock, get: () => store.get(job.id)!, puts: () => Object.fromEntries(server!.puts) }
}

describe('multi-file jobs keep per-file results', () => {
  it('a partial success re-sends only the files that failed', async () => {
    const t = await setup({ 'site/b.html': ['busy-503'], 'site/c.html': ['reset'] })
    expect(t.get().state).toBe('waiting-retry')
    expect(t.get().files!.map((f) => [f.path, f.status])).toEqual([
      ['site/a.html', 'sent'],
      ['site/b.html', 'failed'],
      ['site/c.html', 'failed'],
    ])
    expect(t.get().files![0].url).toBe('http://pages.test/site/a.html')
    expect(t.get().files![1].error?.details).toMatchObject({ code: 'http', status: 503 })
    await t.clock.advance(2_000)
    expect(t.get().state).toBe('done')
    expect(t.get().files!.every((f) => f.status === 'sent' && f.url)).toBe(true)
    // b and c went twice (the first time the server kept them, then failed the answer); a once.
    expect(t.puts()).toEqual({ 'site/a.html': 1, 'site/b.html': 2, 'site/c.html': 2 })
  })

  it('a failure a person must fix stops the attempt: the other files are not tried in vain', async () => {
    const t = await setup({}, 'wrong')
    expect(t.get()).toMatchObject({ state: 'needs-attention', error: { kind: 'auth' } })
    expect(t.get().files!.map((f) => f.status)).toEqual(['failed', 'pending', 'pending'])
    expect(t.get().error?.message).toContain('The username or password is incorrect')
    expect(t.puts()).toEqual({})
  })
})
