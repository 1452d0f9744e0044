import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { JobMessage } from '../../../shared/model'
import { JobStore } from '../../queue/job-store'
import { newJob } from '../../queue/new-job'
import { Publisher } from '../../queue/publisher'
import { manualClock } from '../../queue/testing/manual-clock'
import { emptyWorld, soakDeps } from '../queue/testing/soak-deps'
import { writeJsonDurable } from '../../queue/write-json'
import { openSandbox, type OpenSandbox } from '../../sandbox/testing/sandbox-fixture'
import { createXmlRpcClient } from '../../xmlrpc/client'
import { performersWith } from '../core/job-performers'
import { lossyFetch } from './lossy-fetch'

export const NEW = 'mainResponder.discuss.newMessage'
export const user = { email: 'ann@example.com', password: 'secret' }

const open: { sb: OpenSandbox; dir: string }[] = []
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.sb.close()
    await rm(o.dir, { recursive: true, force: true })
  }
})

/**
 * The real performers and publisher against the sandbox (sharing the queue's manual clock), answers lost as planned.
 */
export async function sandboxQueue(plan: Parameters<typeof lossyFetch>[0]) {
  const clock = manualClock()
  const sandbox = await openSandbox({ users: [user], now: () => clock.now() })
  const dir = await mkdtemp(join(tmpdir(), 'upstream-discuss-'))
  open.push({ sb: sandbox, dir })
  const world = emptyWorld()
  world.accounts.set('dg', {
    id: 'dg',
    kind: 'discussion',
    name: 'Sandbox group',
    url: sandbox.sandbox.endpoint,
    username: user.email,
    dgname: 'sandbox',
  })
  world.passwords.set('dg', user.password)
  const deps = {
    ...soakDeps(world, clock, 5_000),
    client: async () => createXmlRpcClient(sandbox.sandbox.endpoint, { fetch: lossyFetch(plan) }),
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
  const queue = async (action: 'discuss.newMessage' | 'discuss.saveMessage', message: JobMessage) => {
    const job = await publisher.enqueue(
      newJob({ action, draftId: `d-${message.title}`, accountId: 'dg', label: message.title, message }, clock.now()),
    )
    await publisher.idle()
    return () => store.get(job.id)!
  }
  const post = (title: string, body: string) => queue('discuss.newMessage', { title, body, inResponseTo: 0 })
  const topics = async () =>
    (await sandbox.call('mainResponder.discuss.getTopics', 'sandbox', user.email, user.password, 100)) as {
      msgnum: string
      title: string
    }[]
  return { clock, publisher, world, sandbox, queue, post, topics }
}
