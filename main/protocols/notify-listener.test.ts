import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProfile } from '../../shared/server-profile'
import { createXmlRpcClient } from '../xmlrpc/client'
import { startNotifyListener, type NotifyListener } from './notify-listener'
import { pleaseNotify, requestNotification } from './please-notify'
import { registerUser } from './register-user'
import { saveMultipleFiles } from './save-multiple-files'
import { startPycsLike, type PycsLike } from './testing/start-pycs-like'

const run = promisify(execFile)
const python = (code: string, ...args: string[]) => run('python3', ['-c', code, ...args], { timeout: 10_000 })

let listener: NotifyListener
let heard: string[] = []
beforeAll(async () => {
  listener = await startNotifyListener({ onNotify: (url) => heard.push(url) })
})
afterAll(() => listener?.close())

describe('the notify listener', () => {
  it('answers a real Python xmlrpc.client call with True and hands over the URL', async () => {
    heard = []
    const { stdout } = await python(
      'import sys, xmlrpc.client\np = xmlrpc.client.ServerProxy(sys.argv[1])\nprint(repr(getattr(p, sys.argv[2])("http://example.com/weblog/index.xml")))',
      listener.url,
      listener.registration.notifyProcedure,
    )
    expect(stdout.trim()).toBe('True')
    expect(heard).toEqual(['http://example.com/weblog/index.xml'])
  })

  it('faults a call that is not one URL string, and tells the consumer nothing', async () => {
    heard = []
    const { stdout } = await python(
      'import sys, xmlrpc.client\np = xmlrpc.client.ServerProxy(sys.argv[1])\ntry:\n  getattr(p, sys.argv[2])(1, 2)\nexcept xmlrpc.client.Fault as f:\n  print(f.faultCode)',
      listener.url,
      listener.registration.notifyProcedure,
    )
    expect(stdout.trim()).toBe('-32602')
    expect(heard).toEqual([])
  })

  it('listens on loopback by default and says what to register', () => {
    expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/RPC2$/)
    expect(listener.registration).toMatchObject({
      notifyProcedure: 'upstream.notify',
      path: '/RPC2',
      protocol: 'xml-rpc',
    })
  })
})

describe('pleaseNotify end to end (the PyCS-like server dressed as an RCS)', () => {
  let rcs: PycsLike
  beforeAll(async () => {
    rcs = await startPycsLike({ rcs: true })
  })
  afterAll(() => rcs?.close())

  for (const method of ['pleaseNotify', 'requestNotification'] as const) {
    it(`${method}: the server calls back when a subscribed URL changes`, async () => {
      const server = {
        client: createXmlRpcClient(rcs.endpoint),
        profile: { ...defaultProfile(), registerUserArity: 5 as const },
      }
      const r = await registerUser(server, {
        email: `${method}@example.com`,
        name: 'N',
        password: 'pw',
        clientPort: listener.registration.port,
      })
      const member = { ...server, usernum: r.usernum, password: 'pw' }
      const first = await saveMultipleFiles(member, [{ path: 'index.xml', bytes: Buffer.from('<rss/>') }])
      const url = first.files[0].url!
      const answer =
        method === 'pleaseNotify'
          ? await pleaseNotify(server, listener.registration, [url])
          : await requestNotification(server, listener.registration, [url])
      expect(answer.message).toMatch(/It worked/)
      heard = []
      const called = new Promise<string>((resolve) => {
        const timer = setInterval(() => heard.length && (clearInterval(timer), resolve(heard[0])), 10)
      })
      await saveMultipleFiles(member, [{ path: 'index.xml', bytes: Buffer.from('<rss version="2.0"/>') }])
      expect(await called).toBe(url)
    })
  }
})
