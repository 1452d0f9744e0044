import { describe, expect, it } from 'vitest'
import { defaultProfile } from '../../../shared/server-profile'
import { outcomeOf } from '../../queue/outcome'
import { TransportError } from '../../xmlrpc/errors'
import { XmlRpcFault } from '../../xmlrpc/fault'
import { toAppError } from '../../xmlrpc/to-app-error'
import { fakeClient } from '../testing/fake-client'
import { UnsupportedError } from '../unsupported'
import { BlogFault } from './blog-fault'
import { getUsersBlogs } from './users-blogs'
import { forgetRefusal } from './login-refusals'
import { XmlRpcDisabledError } from './xmlrpc-disabled-error'

const failWith = (error: unknown) =>
  fakeClient({
    'blogger.getUsersBlogs': () => {
      throw error
    },
  })
const creds = (client: ReturnType<typeof fakeClient>['client'], password = `pw-${Math.random()}`) => ({
  client,
  username: 'ann',
  password,
})

describe('blog errors', () => {
  it('a bad login (WordPress fault 403) is an auth error, sent once per password, and the queue never retries it', async () => {
    const { client, calls } = failWith(new XmlRpcFault(403, 'Incorrect username or password.'))
    const c = creds(client)
    for (let i = 0; i < 3; i++) {
      const e = await getUsersBlogs(c).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(BlogFault)
      expect(toAppError(e).kind).toBe('auth')
      expect(outcomeOf(toAppError(e), false).kind).toBe('attention')
    }
    expect(calls).toHaveLength(1)
    await getUsersBlogs({ ...c, password: 'a new one' }).catch(() => {})
    expect(calls).toHaveLength(2)
    forgetRefusal(c)
    await getUsersBlogs(c).catch(() => {})
    expect(calls).toHaveLength(3)
  })

  it('fault 405 "XML-RPC services are disabled" says how to enable it, and is not retried', async () => {
    const e = await getUsersBlogs(
      creds(failWith(new XmlRpcFault(405, 'XML-RPC services are disabled on this site.')).client),
    ).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(XmlRpcDisabledError)
    const app = toAppError(e)
    expect(app.kind).toBe('unsupported')
    expect(app.message).toMatch(/XML-RPC turned off.*To enable it.*plugin.*xmlrpc_enabled/s)
    expect(outcomeOf(app, true).kind).toBe('attention')
  })

  it('an HTML 403/405 page in front of xmlrpc.php is a block, not a refused password', async () => {
    for (const status of [403, 405]) {
      const e = await getUsersBlogs(
        creds(failWith(new TransportError('http', 'Forbidden', { status, bodyStart: '<html>' })).client),
      ).catch((x: unknown) => x)
      expect(e).toMatchObject({ name: 'XmlRpcDisabledError', how: 'blocked' })
      expect(toAppError(e).message).toMatch(/blocks XML-RPC/)
    }
  })

  it("reads WordPress's other codes as WordPress means them", async () => {
    const kindOf = async (f: XmlRpcFault) =>
      toAppError(await getUsersBlogs(creds(failWith(f).client)).catch((x: unknown) => x))
    // 401 on WordPress is a missing right, not a bad password: asking for the password again would not help.
    expect(await kindOf(new XmlRpcFault(401, 'Sorry, you are not allowed to edit this post.'))).toMatchObject({
      kind: 'fault',
      details: { classification: 'forbidden' },
    })
    expect(await kindOf(new XmlRpcFault(404, 'Invalid post ID.'))).toMatchObject({ kind: 'not-found' })
    expect(await kindOf(new XmlRpcFault(1, 'Server busy, try again later'))).toMatchObject({
      kind: 'fault',
      details: { classification: 'busy' },
    })
    expect(await kindOf(new XmlRpcFault(500, 'Could not write file x.exe'))).toMatchObject({
      kind: 'fault',
      details: { faultString: 'Could not write file x.exe' },
    })
    // Another engine's words for a bad login still count as one.
    expect(await kindOf(new XmlRpcFault(2, 'Invalid login'))).toMatchObject({ kind: 'auth' })
  })

  it('"no such method" becomes UnsupportedError; transport errors pass through untouched', async () => {
    const missing = await getUsersBlogs(
      creds(
        failWith(new XmlRpcFault(-32601, 'server error. requested method blogger.getUsersBlogs does not exist.'))
          .client,
      ),
    ).catch((x: unknown) => x)
    expect(missing).toBeInstanceOf(UnsupportedError)
    const down = new TransportError('refused', 'Connection refused')
    expect(await getUsersBlogs(creds(failWith(down).client)).catch((x: unknown) => x)).toBe(down)
  })

  it('refuses before sending when listMethods is known and lacks the method', async () => {
    const { client, calls } = fakeClient({})
    const profile = { ...defaultProfile(), methods: ['metaWeblog.newPost'] }
    await expect(getUsersBlogs({ ...creds(client), profile })).rejects.toBeInstanceOf(UnsupportedError)
    expect(calls).toHaveLength(0)
  })
})
