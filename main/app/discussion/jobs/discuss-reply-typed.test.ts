import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Draft, JobMessage } from '../../../../shared/model'
import { defaultProfile } from '../../../../shared/server-profile'
import { registerUser } from '../../../protocols/register-user'
import { startPycsLike, type PycsLike } from '../../../protocols/testing/start-pycs-like'
import { JobStore } from '../../../queue/job-store'
import { newJob } from '../../../queue/new-job'
import { Publisher } from '../../../queue/publisher'
import { manualClock } from '../../../queue/testing/manual-clock'
import { writeJsonDurable } from '../../../queue/write-json'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { performersWith } from '../../core/job-performers'
import { emptyWorld, soakDeps } from '../../queue/testing/soak-deps'

// Replies through the real performers to a PyCS-style server that numbers messages with <int>s and
// finds a parent only by value *and type*: a parent typed as text ("1") must leave as <int>1</int>.
const user = { email: 'dg@example.com', name: 'DG', password: 'pw' }
let server: PycsLike
let dir: string

beforeAll(async () => {
  server = await startPycsLike({ msgnum: 'int', dgRead: true })
  dir = await mkdtemp(join(tmpdir(), 'upstream-reply-typed-'))
  const client = createXmlRpcClient(server.endpoint)
  await registerUser({ client, profile: { ...defaultProfile(), registerUserArity: 5 } }, { ...user, clientPort: 0 })
})
afterAll(async () => {
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function queueOn() {
  const clock = manualClock()
  const world = { ...emptyWorld(), dataDir: dir }
  world.accounts.set('dg', {
    id: 'dg',
    kind: 'discussion',
    name: 'PyCS group',
    url: server.endpoint,
    username: user.email,
    dgname: 'pycs',
  })
  world.passwords.set('dg', user.password)
  const store = await JobStore.open(join(dir, 'jobs'), writeJsonDurable)
  const publisher = new Publisher({
    store,
    performers: performersWith(soakDeps(world, clock, 5_000)),
    onChange: () => {},
    clock,
    random: () => 1,
  })
  await publisher.start()
  const send = async (draftId: string, message: JobMessage) => {
    const now = clock.now().toISOString()
    world.drafts.set(draftId, {
      id: draftId,
      kind: 'message',
      format: 'html',
      title: message.title,
      body: message.body,
      accountId: 'dg',
      createdAt: now,
      updatedAt: now,
      revision: 1,
      published: [],
      inResponseTo: message.inResponseTo,
    } satisfies Draft)
    const job = await publisher.enqueue(
      newJob({ action: 'discuss.newMessage', draftId, accountId: 'dg', label: draftId, message }, clock.now()),
    )
    await publisher.idle()
    return store.get(job.id)!
  }
  return { world, send }
}

const topics = async () =>
  (await createXmlRpcClient(server.endpoint).call('mainResponder.discuss.getTopics', [
    'pycs',
    user.email,
    user.password,
    50,
  ])) as { msgnum: unknown; title: string; inResponseTo: unknown }[]

describe('replies on an integer-numbered server', () => {
  it('a parent typed as text goes out as the <int> the server uses; the draft shows the "Re: …" it gave', async () => {
    const { world, send } = await queueOn()
    const thread = await send('thread', { title: 'Ferry times', body: 'At 7:10.', inResponseTo: 0 })
    expect(thread).toMatchObject({ state: 'done', result: { msgnum: 1 } })
    // Learned from the server's answer, kept in the data directory (README: msgnum-types.json).
    expect(JSON.parse(await readFile(join(dir, 'msgnum-types.json'), 'utf8'))).toEqual({ dg: 'int' })

    const reply = await send('reply', { title: '', body: 'And 7:25 on Sundays.', inResponseTo: '1' })
    expect(reply).toMatchObject({ state: 'done', attempts: 1, result: { msgnum: 2 } })
    // Where the server keeps it: a reply to the int 1, named by the server.
    const kept = await topics()
    expect(kept.find((t) => t.msgnum === 2)).toMatchObject({ inResponseTo: 1, title: 'Re: Ferry times' })
    expect(world.drafts.get('reply')).toMatchObject({ title: 'Re: Ferry times', base: { msgnum: 2 } })
  })

  it('a fault on a reply is shown in the writer’s words and nothing is sent again', async () => {
    const { send } = await queueOn()
    const before = (await topics()).length
    const job = await send('orphan', { title: 'Lost', body: 'To nobody.', inResponseTo: '99' })
    expect(job.state).toBe('needs-attention')
    expect(job.attempts).toBe(1)
    expect(job.error?.message).toContain('There is no message 99')
    expect((await topics()).length).toBe(before)
  })
})
