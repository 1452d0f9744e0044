import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Draft, Job, JobPost } from '../../../../shared/model'
import { JobStore } from '../../../queue/job-store'
import { newJob } from '../../../queue/new-job'
import { Publisher } from '../../../queue/publisher'
import { manualClock } from '../../../queue/testing/manual-clock'
import { emptyWorld, soakDeps } from '../../queue/testing/soak-deps'
import { writeJsonDurable } from '../../../queue/write-json'
import { openSandbox } from '../../../sandbox/testing/sandbox-fixture'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { performersWith } from '../../core/job-performers'
import { fileMediaLedger } from '../blog-media-ledger'

export const writer = { email: 'ann@example.com', password: 'secret' }
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/**
 * The real blog performers and publisher against the sandbox's blog, sharing a manual clock;
 * `wire` sees every request first and may answer it itself (a fault, a lost answer). Test-only.
 */
export async function blogQueue(
  wire: (method: string, send: () => Promise<Response>) => Promise<Response> = (_, send) => send(),
) {
  const clock = manualClock(Date.now())
  const sandbox = await openSandbox({ users: [writer], now: () => clock.now() })
  const dir = await mkdtemp(join(tmpdir(), 'upstream-blog-queue-'))
  cleanups.push(async () => {
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  })
  const usernum = sandbox.sandbox.members.byEmail(writer.email)!.usernum
  const world = emptyWorld()
  world.accounts.set('b', {
    id: 'b',
    kind: 'blog',
    name: 'Sandbox blog',
    url: sandbox.sandbox.endpoint,
    username: writer.email,
    blogId: usernum,
  })
  world.passwords.set('b', writer.password)
  const methods: string[] = []
  const fetchImpl: typeof fetch = async (input, init) => {
    const body = init?.body instanceof Uint8Array ? Buffer.from(init.body).toString('utf8') : ''
    const method = /<methodName>([^<]*)<\/methodName>/.exec(body)?.[1] ?? ''
    methods.push(method)
    return wire(method, () => fetch(input, init))
  }
  const deps = {
    ...soakDeps(world, clock, 5_000),
    client: async () => createXmlRpcClient(sandbox.sandbox.endpoint, { fetch: fetchImpl }),
    mediaLedger: (accountId: string) => fileMediaLedger(dir, accountId),
    enclosurePath: (draftId: string, storedAs: string) => join(dir, draftId, storedAs),
  }
  const store = await JobStore.open(dir, writeJsonDurable)
  const publisher = new Publisher({
    store,
    performers: performersWith(deps),
    onChange: () => {},
    clock,
    random: () => 1,
  })
  clock.idle = () => publisher.idle()
  await publisher.start()
  const login = {
    client: createXmlRpcClient(sandbox.sandbox.endpoint),
    username: writer.email,
    password: writer.password,
    blogid: usernum,
  }
  return {
    clock,
    publisher,
    world,
    sandbox,
    login,
    methods,
    /** Queues a job as publish.draft would, and lets the queue run until it rests. */
    async queue(action: Job['action'], post: JobPost, draftId = `d-${post.title}`, files?: string[]) {
      const job = await publisher.enqueue({
        ...newJob({ action, draftId, accountId: 'b', label: post.title, ...(files ? { files } : {}) }, clock.now()),
        post,
      })
      await publisher.idle()
      return () => store.get(job.id)!
    },
    /** A draft in the world, with files attached (bytes written where the app keeps them). */
    async draft(d: Partial<Draft> & { id: string }, files: Record<string, Buffer> = {}) {
      const at = clock.now().toISOString()
      const enclosures = Object.entries(files).map(([name, bytes], i) => ({
        name,
        type: 'image/png',
        size: bytes.length,
        storedAs: `f${i}`,
      }))
      await mkdir(join(dir, d.id), { recursive: true })
      for (const [i, bytes] of Object.values(files).entries()) await writeFile(join(dir, d.id, `f${i}`), bytes)
      world.drafts.set(d.id, {
        kind: 'post',
        accountId: 'b',
        title: '',
        body: '',
        format: 'html',
        createdAt: at,
        updatedAt: at,
        revision: 1,
        published: [],
        enclosures,
        ...d,
      })
    },
  }
}

/** An XML-RPC fault answer, as a server sends one. */
export const faultAnswer = (code: number, text: string): Response =>
  new Response(
    `<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>${code}</int></value></member><member><name>faultString</name><value><string>${text}</string></value></member></struct></value></fault></methodResponse>`,
    { status: 200, headers: { 'content-type': 'text/xml' } },
  )
