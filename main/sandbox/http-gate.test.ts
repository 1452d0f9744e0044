import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

let t: OpenSandbox
beforeAll(async () => void (t = await openSandbox()))
afterAll(() => t.close())

/** A raw request with any Host header (fetch would not let a test set it). */
const raw = (path: string, host: string, method = 'GET', body = '') =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: t.sandbox.port, path, method, headers: { host, 'content-type': 'text/xml' } },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode!, text }))
      },
    )
    req.once('error', reject)
    req.end(body)
  })

const listMethods = '<?xml version="1.0"?><methodCall><methodName>system.listMethods</methodName></methodCall>'

describe('the sandbox’s front door', () => {
  it('refuses a Host other than its own loopback address (DNS rebinding), on XML-RPC and pages alike', async () => {
    const port = t.sandbox.port
    expect((await raw('/RPC2', 'evil.example', 'POST', listMethods)).status).toBe(421)
    expect((await raw('/', `evil.example:${port}`)).status).toBe(421)
    expect((await raw('/weblogUpdates', `127.0.0.1:${port + 1}`)).status).toBe(421)
    expect((await raw('/RPC2', `localhost:${port}`, 'POST', listMethods)).status).toBe(200)
    expect((await raw('/', `127.0.0.1:${port}`)).status).toBe(200)
  })

  it('answers a malformed % with 400, never 500', async () => {
    const host = `127.0.0.1:${t.sandbox.port}`
    for (const path of ['/users/%zz', '/discuss/sandbox/%E0%A4%A', '/webhost/%', '/comments%?u=1&p=2'])
      expect((await raw(path, host)).status, path).toBe(400)
  })
})
