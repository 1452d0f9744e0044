import { readFile } from 'node:fs/promises'
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcServer } from '../xmlrpc/server'
import { MAX_CONCURRENT_CALLBACKS } from './subscriptions'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'
import { MAX_URLS_PER_CALL, MAX_URLS_PER_CALLER } from './xml-storage-notify'

const closers: (() => void)[] = []
async function http(handler: RequestListener): Promise<number> {
  const server = createServer(handler)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  closers.push(() => server.close())
  return (server.address() as AddressInfo).port
}

let s: OpenSandbox
let u: string
let d: string
beforeAll(async () => {
  s = await openSandbox()
  ;[u, d] = await s.register('bounds@example.com', 'pw')
})
afterAll(async () => {
  closers.forEach((c) => c())
  await s.close()
})

const save = (paths: string[]) =>
  s.call(
    'xmlStorageSystem.saveMultipleFiles',
    u,
    d,
    paths,
    paths.map((p) => Buffer.from(p)),
  ) as Promise<{
    urlList: string[]
  }>
const watch = (port: number, urls: string[]) =>
  s.call('xmlStorageSystem.pleaseNotify', 'test.changed', port, '/RPC2', 'xml-rpc', urls)

describe('pleaseNotify cannot be turned into a flood', () => {
  it('takes few URLs per call and per caller, and calls back few at a time', async () => {
    let inFlight = 0
    let most = 0
    const heard: string[] = []
    const rpc = createXmlRpcServer()
    rpc.register('test.changed', async (params) => {
      most = Math.max(most, ++inFlight)
      await new Promise((r) => setTimeout(r, 20))
      inFlight -= 1
      heard.push(String(params[0]))
      return true
    })
    const port = await http((req, res) => rpc.handle(req, res))
    const paths = Array.from({ length: MAX_URLS_PER_CALLER }, (_, i) => `w/${i}.xml`)
    const { urlList } = await save(paths)
    const tooMany = await s.fault(
      'xmlStorageSystem.pleaseNotify',
      'test.changed',
      port,
      '/RPC2',
      'xml-rpc',
      urlList.slice(0, MAX_URLS_PER_CALL + 1),
    )
    expect(tooMany.faultString).toContain(`at most ${MAX_URLS_PER_CALL} per call`)
    for (let i = 0; i < urlList.length; i += MAX_URLS_PER_CALL)
      await watch(port, urlList.slice(i, i + MAX_URLS_PER_CALL))
    const more = await s.fault('xmlStorageSystem.rssPleaseNotify', 'test.changed', port + 1, '/RPC2', 'xml-rpc', [
      urlList[0],
    ])
    expect(more.faultString).toContain(`at most ${MAX_URLS_PER_CALLER} per address`)
    await watch(port, urlList.slice(0, 3)) // renewing is not adding
    await save(paths)
    await s.sandbox.idle()
    expect(heard.sort()).toEqual([...urlList].sort())
    expect(most).toBeLessThanOrEqual(MAX_CONCURRENT_CALLBACKS)
  })

  it('does not follow a subscriber’s redirect', async () => {
    let elsewhere = 0
    const other = await http((_req, res) => {
      elsewhere += 1
      res.end()
    })
    const port = await http((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${other}/RPC2` })
      res.end()
    })
    const s2 = await openSandbox()
    closers.push(() => void s2.close())
    const [u2, d2] = await s2.register('r@example.com', 'pw')
    const put = () =>
      s2.call('xmlStorageSystem.saveMultipleFiles', u2, d2, ['r.xml'], [Buffer.from('x')]) as Promise<{
        urlList: string[]
      }>
    const { urlList } = await put()
    await s2.call('xmlStorageSystem.pleaseNotify', 'test.changed', port, '/RPC2', 'xml-rpc', urlList)
    await put()
    await s2.sandbox.idle()
    expect(elsewhere).toBe(0)
    const subs = JSON.parse(await readFile(join(s2.dir, 'subscriptions.json'), 'utf8')) as { lastError?: string }[]
    expect(subs[0].lastError).toContain('redirect')
  })
})
