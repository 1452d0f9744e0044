import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcServer } from '../xmlrpc/server'
import { struct, type XmlRpcValue } from '../xmlrpc/values'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'
import { SUBSCRIPTION_LIFETIME_MS } from './subscriptions'

/** A subscriber: an XML-RPC listener recording the URLs it is told about, answering `reply`. */
async function listener(reply: XmlRpcValue = true) {
  const heard: string[] = []
  const rpc = createXmlRpcServer()
  rpc.register('test.changed', (params) => {
    heard.push(String(params[0]))
    return reply
  })
  const server: Server = createServer((req, res) => rpc.handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    heard,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('pleaseNotify on the sandbox', () => {
  let s: OpenSandbox
  let clock = Date.parse('2024-03-01T12:00:00Z')
  const closers: (() => Promise<void>)[] = []
  let u: string
  let d: string
  const save = (path: string, text: string) =>
    s.call('xmlStorageSystem.saveMultipleFiles', u, d, [path], [Buffer.from(text)]) as Promise<{ urlList: string[] }>

  beforeAll(async () => {
    s = await openSandbox({ now: () => new Date(clock) })
    ;[u, d] = await s.register('sub@example.com', 'pw')
  })
  afterEach(async () => {
    while (closers.length) await closers.pop()!()
  })
  afterAll(() => s?.close())

  it('calls back once per change, with the URL as subscribed, and renews instead of duplicating', async () => {
    const l = await listener()
    closers.push(l.close)
    const [url] = (await save('feed.xml', 'v1')).urlList
    const asGiven = url.replace('127.0.0.1', 'localhost')
    for (let i = 0; i < 2; i++)
      await s.call(
        'xmlStorageSystem.requestNotification',
        'test.changed',
        l.port,
        'RPC2',
        'XML-RPC',
        [asGiven],
        struct(),
      )
    await save('feed.xml', 'v2')
    await s.sandbox.idle()
    expect(l.heard).toEqual([asGiven])
  })

  it('forgets registrations after 25 hours, and a restart keeps the live ones', async () => {
    const l = await listener()
    closers.push(l.close)
    const [url] = (await save('later.xml', 'v1')).urlList
    await s.call('xmlStorageSystem.pleaseNotify', 'test.changed', l.port, '/RPC2', 'xml-rpc', [url])
    clock += SUBSCRIPTION_LIFETIME_MS - 60_000
    await s.restart()
    await save('later.xml', 'v2')
    await s.sandbox.idle()
    expect(l.heard).toEqual([url])
    clock += 120_000
    await save('later.xml', 'v3')
    await s.sandbox.idle()
    expect(l.heard).toEqual([url])
  })

  it('drops a subscriber after five failed callbacks in a row', async () => {
    const l = await listener(false)
    closers.push(l.close)
    const [url] = (await save('flaky.xml', 'v0')).urlList
    await s.call('xmlStorageSystem.rssPleaseNotify', 'test.changed', l.port, '/RPC2', 'xml-rpc', [url])
    for (let i = 1; i <= 6; i++) {
      await save('flaky.xml', `v${i}`)
      await s.sandbox.idle()
    }
    expect(l.heard).toHaveLength(5)
  })

  it('notifies discussion pages and web-host pages too', async () => {
    const l = await listener()
    closers.push(l.close)
    const m = (await s.call(
      'mainResponder.discuss.newMessage',
      'sandbox',
      'sub@example.com',
      'pw',
      'Watched',
      'body',
      0,
    )) as { url: string; msgnum: string }
    const put = (text: string) =>
      s.call(
        'webHost.put',
        struct({
          username: 'sub@example.com',
          password: 'pw',
          bytes: Buffer.from(text),
          mimeType: 'text/html',
          relativePath: 'w.html',
        }),
      ) as Promise<{ url: string }>
    const page = (await put('v1')).url
    await s.call('xmlStorageSystem.pleaseNotify', 'test.changed', l.port, '/RPC2', 'xml-rpc', [m.url, page])
    await s.call('mainResponder.discuss.newMessage', 'sandbox', 'sub@example.com', 'pw', '', 'a reply', m.msgnum)
    await s.sandbox.idle()
    await put('v2')
    await s.sandbox.idle()
    expect(l.heard).toEqual([m.url, page])
  })
})
