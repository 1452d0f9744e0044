import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProfile } from '../../shared/server-profile'
import { createXmlRpcClient } from '../xmlrpc/client'
import { XmlRpcFault } from '../xmlrpc/fault'
import { editMessage, getTopics, newMessage, saveMessage, type DiscussionLogin } from './discussion'
import { InvalidInputError } from './invalid-input-error'
import { registerUser } from './register-user'
import { detectServerProfile } from './server-profile-detect'
import { UnsupportedError } from './unsupported'
import { spyClient } from './testing/spy-client'
import { startPycsLike, type PycsLike } from './testing/start-pycs-like'

// mainResponder.discuss.* against the PyCS-like server, whose messages are looked up by msgnum
// *and its type*: a client that turned 1 into "1" (or back) would be told "no such message".
const servers: Record<'int' | 'string', PycsLike> = {} as never

async function login(
  mode: 'int' | 'string',
  client = createXmlRpcClient(servers[mode].endpoint),
): Promise<DiscussionLogin> {
  await registerUser(
    { client, profile: { ...defaultProfile(), registerUserArity: 5 } },
    { email: 'dg@example.com', name: 'DG', password: 'pw', clientPort: 0 },
  )
  return { client, dgname: 'pycs', username: 'dg@example.com', password: 'pw' }
}

beforeAll(async () => {
  ;[servers.int, servers.string] = await Promise.all([
    startPycsLike({ msgnum: 'int', dgRead: true }),
    startPycsLike({ msgnum: 'string', dgRead: true, introspection: true }),
  ])
})
afterAll(() => Promise.all(Object.values(servers).map((s) => s?.close())))

describe('msgnum is opaque and echoed exactly', () => {
  for (const mode of ['int', 'string'] as const) {
    it(`${mode} msgnums come back as they were sent, also as inResponseTo`, async () => {
      const spy = spyClient(createXmlRpcClient(servers[mode].endpoint))
      const dg = await login(mode, spy)
      const root = await newMessage(dg, 'Root', 'body', 0)
      expect(typeof root.msgnum).toBe(mode === 'int' ? 'number' : 'string')
      const reply = await newMessage(dg, '', 'reply', root.msgnum)
      expect(spy.calls.at(-1)!.params[5]).toStrictEqual(root.msgnum)
      expect(reply.title).toBe('Re: Root')
      expect((await editMessage(dg, reply.msgnum)).body).toBe('reply')
    })
  }

  it('the server really does tell the types apart (so the test above can fail)', async () => {
    const dg = await login('int')
    const { msgnum } = await newMessage(dg, 'Typed', 'b', 0)
    await expect(
      dg.client.call('mainResponder.discuss.editMessage', ['pycs', 'dg@example.com', 'pw', String(msgnum)]),
    ).rejects.toBeInstanceOf(XmlRpcFault)
  })

  it('a string msgnum with spaces and slashes survives the round trip', async () => {
    const dg = await login('string')
    const { msgnum } = await newMessage(dg, 'Odd', 'b', 0)
    expect(msgnum).toMatch(/ .*\//)
    expect((await editMessage(dg, msgnum)).title).toBe('Odd')
  })
})

describe('the wire', () => {
  it('sends saveMessage’s body before its title', async () => {
    const spy = spyClient(createXmlRpcClient(servers.int.endpoint))
    const dg = await login('int', spy)
    const { msgnum } = await newMessage(dg, 'Before', 'old', 0)
    await saveMessage(dg, msgnum, 'BODY', 'TITLE')
    expect(spy.calls.at(-1)!.params.slice(3)).toEqual([msgnum, 'BODY', 'TITLE'])
  })

  it('refuses an empty title on a new thread (the server would fault) but lets a reply leave it empty', async () => {
    const spy = spyClient(createXmlRpcClient(servers.int.endpoint))
    const dg = await login('int', spy)
    const before = spy.calls.length
    const e = (await newMessage(dg, '', 'body', 0).catch((x: unknown) => x)) as InvalidInputError
    expect(e).toBeInstanceOf(InvalidInputError)
    expect(e.toAppError()).toMatchObject({ kind: 'invalid-input', details: { field: 'title' } })
    expect(spy.calls.length).toBe(before)
    // What the server says when a client doesn't check: a fault, not data loss.
    await expect(
      spy.call('mainResponder.discuss.newMessage', ['pycs', 'dg@example.com', 'pw', '', 'body', 0]),
    ).rejects.toThrow(/title is empty/)
  })

  it('keeps every member the server returns', async () => {
    const dg = await login('int')
    const r = await newMessage(dg, 'Members', 'b', 0)
    expect(Object.keys(r.members).sort()).toEqual(['msgnum', 'title', 'url'])
    const s = await saveMessage(dg, r.msgnum, 'b2', 'Members')
    expect(Object.keys(s.members).sort()).toEqual(['lastsave', 'title', 'url'])
  })
})

describe('getTopics/getMessage', () => {
  it('are not called when the server offers no listMethods, even if it has them', async () => {
    const spy = spyClient(createXmlRpcClient(servers.int.endpoint))
    const dg = await login('int', spy)
    const before = spy.calls.length
    await expect(getTopics({ ...dg, profile: defaultProfile() }, 5)).rejects.toBeInstanceOf(UnsupportedError)
    expect(spy.calls.length).toBe(before)
  })

  it('are used when listMethods names them: newest first, msgnums as sent', async () => {
    const dg = await login('string')
    const profile = await detectServerProfile(dg.client)
    const a = await newMessage(dg, 'First', 'b', 0)
    const b = await newMessage(dg, '', 'b', a.msgnum)
    const topics = await getTopics({ ...dg, profile }, 2)
    expect(topics.map((t) => [t.msgnum, t.title, t.inResponseTo])).toEqual([
      [b.msgnum, 'Re: First', a.msgnum],
      [a.msgnum, 'First', 0],
    ])
  })
})
