import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient } from './client'
import { TransportError } from './errors'

const closers: (() => void)[] = []
afterAll(() => closers.forEach((c) => c()))

async function server(handler: RequestListener): Promise<string> {
  const s = createServer(handler)
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  closers.push(() => s.close())
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`
}

const answer = '<?xml version="1.0"?><methodResponse><params><param><value>ok</value></param></params></methodResponse>'

describe('a redirect never carries a password in a body to another origin', () => {
  it('refuses a 307 to another origin for calls with a password (positional or a member), follows it for others', async () => {
    const bodies: string[] = []
    const other = await server((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d))
      req.on('end', () => {
        bodies.push(body)
        res.writeHead(200, { 'content-type': 'text/xml' })
        res.end(answer)
      })
    })
    const first = await server((req, res) => {
      req.resume()
      res.writeHead(307, { location: `${other}/RPC2` })
      res.end()
    })
    const client = createXmlRpcClient(`${first}/RPC2`)
    const positional = await client
      .call('metaWeblog.newPost', ['1', 'me', 'secret-password', {}, true])
      .catch((e: unknown) => e)
    expect(positional).toBeInstanceOf(TransportError)
    expect((positional as Error).message).toContain('carries a password')
    const member = await client
      .call('webHost.put', [{ username: 'me', password: 'secret-password', relativePath: 'a.html' }])
      .catch((e: unknown) => e)
    expect(member).toBeInstanceOf(TransportError)
    expect(bodies.some((b) => b.includes('secret-password'))).toBe(false)
    expect(await client.call('weblogUpdates.ping', ['name', 'http://a.example/'])).toBe('ok')
    expect(bodies).toHaveLength(1)
  })
})
