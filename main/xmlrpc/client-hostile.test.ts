import type { ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createXmlRpcClient, type ClientOptions } from './client'
import { startHttp, type HttpPeer } from './testing/peers/http-peer'
import { LimitError, ProtocolError, TransportError } from './errors'
import { XmlRpcFault } from './fault'

// A server is untrusted input: every attack ends in a typed error, within its limit, memory bounded.
const OK =
  '<?xml version="1.0"?><methodResponse><params><param><value><string>ok</string></value></param></params></methodResponse>'
const MiB = 1024 * 1024

let peer: HttpPeer | undefined
afterEach(async () => {
  await peer?.close()
  peer = undefined
})

async function callAgainst(handler: (res: ServerResponse, path: string) => void, options: ClientOptions = {}) {
  peer = await startHttp((req, res) => {
    req.resume()
    handler(res, req.url ?? '')
  })
  const started = Date.now()
  const error = await createXmlRpcClient(peer.url, options)
    .call('m', [])
    .then(
      () => undefined,
      (e: unknown) => e,
    )
  return { error, ms: Date.now() - started }
}

const xml =
  (body: string, status = 200) =>
  (res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'text/xml' })
    res.end(body)
  }

describe('entity attacks', () => {
  it('billion laughs: refused at the DOCTYPE, nothing expanded', async () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('')
    const body = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]><methodResponse><params><param><value><string>&lol9;</string></value></param></params></methodResponse>`
    const { error, ms } = await callAgainst(xml(body))
    expect(error).toBeInstanceOf(ProtocolError)
    expect((error as ProtocolError).position.line).toBe(1)
    expect(ms).toBeLessThan(2000)
  })

  it('external entity: refused, and the entity URL is never fetched', async () => {
    const hits: string[] = []
    peer = await startHttp((req, res) => {
      req.resume()
      hits.push(req.url ?? '')
      xml(
        `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:${req.socket.localPort ?? 0}/leak">]><methodResponse><params><param><value><string>&xxe;&web;</string></value></param></params></methodResponse>`,
      )(res)
    })
    const error = await createXmlRpcClient(peer.url)
      .call('m', [])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProtocolError)
    expect(String((error as Error).message)).toMatch(/DOCTYPE|ENTITY/i)
    expect(hits).toEqual(['/RPC2'])
  })
})

describe('size', () => {
  it('a declared 200 MB body is refused before reading it (default 64 MiB cap)', async () => {
    let written = 0
    const { error, ms } = await callAgainst((res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': String(200 * MiB) })
      const chunk = Buffer.alloc(MiB, 0x61)
      const pump = (): void => {
        while (written < 200 * MiB && !res.destroyed) {
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
      }
      res.on('close', () => {})
      pump()
    })
    expect(error).toBeInstanceOf(LimitError)
    expect(error).toMatchObject({ limit: 'size', max: 64 * MiB })
    expect(ms).toBeLessThan(5000)
    expect(written).toBeLessThan(100 * MiB)
  })

  it('an undeclared endless body stops at the cap, and the server is cut off', async () => {
    let written = 0
    const rssBefore = process.memoryUsage().rss
    const { error } = await callAgainst(
      (res) => {
        res.writeHead(200, { 'Content-Type': 'text/xml' })
        const chunk = Buffer.alloc(256 * 1024, 0x61)
        const pump = (): void => {
          while (written < 200 * MiB && !res.destroyed) {
            written += chunk.length
            if (!res.write(chunk)) return void res.once('drain', pump)
          }
        }
        pump()
      },
      { maxResponseBytes: MiB },
    )
    expect(error).toBeInstanceOf(LimitError)
    expect(error).toMatchObject({ limit: 'size', max: MiB })
    expect(written).toBeLessThan(32 * MiB) // only what socket buffers took before the cancel
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * MiB)
  })

  it('a gzip bomb (Content-Encoding: gzip) is stopped as it inflates', async () => {
    const bomb = gzipSync(Buffer.alloc(128 * MiB), { level: 9 })
    expect(bomb.length).toBeLessThan(MiB)
    const { error, ms } = await callAgainst(
      (res) => {
        res.writeHead(200, {
          'Content-Type': 'text/xml',
          'Content-Encoding': 'gzip',
          'Content-Length': String(bomb.length),
        })
        res.end(bomb)
      },
      { maxResponseBytes: 4 * MiB },
    )
    expect(error).toMatchObject({ name: 'LimitError', limit: 'size', max: 4 * MiB })
    expect(ms).toBeLessThan(5000)
  })

  it('gzip bytes without Content-Encoding are inflated under the same cap', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB))
    const { error } = await callAgainst(xml(bomb as unknown as string), { maxResponseBytes: 2 * MiB })
    expect(error).toMatchObject({ name: 'LimitError', limit: 'size' })
  })

  it('a legitimate gzip answer decodes (Accept-Encoding: gzip is sent)', async () => {
    let acceptEncoding: string | undefined
    peer = await startHttp((req, res) => {
      req.resume()
      acceptEncoding = req.headers['accept-encoding']
      res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' })
      res.end(gzipSync(OK))
    })
    expect(await createXmlRpcClient(peer.url).call('m', [])).toBe('ok')
    expect(acceptEncoding).toBe('gzip')
  })

  it('nesting past maxDepth is a depth limit', async () => {
    const deep = '<value><array><data>'.repeat(50) + '</data></array></value>'.repeat(50)
    const { error } = await callAgainst(
      xml(`<?xml version="1.0"?><methodResponse><params><param>${deep}</param></params></methodResponse>`),
      { maxDepth: 10 },
    )
    expect(error).toMatchObject({ name: 'LimitError', limit: 'depth', max: 10 })
  })
})

describe('time', () => {
  it('an endless slow body ends at the total timeout', async () => {
    const { error, ms } = await callAgainst(
      (res) => {
        res.writeHead(200, { 'Content-Type': 'text/xml' })
        res.write('<?xml version="1.0"?><methodResponse>')
        const timer = setInterval(() => res.write(' '), 50)
        res.on('close', () => clearInterval(timer))
      },
      { timeoutMs: 600 },
    )
    expect(error).toMatchObject({ name: 'LimitError', limit: 'time', max: 600 })
    expect(ms).toBeGreaterThanOrEqual(550)
    expect(ms).toBeLessThan(2500)
  })

  it('a trickling (valid, one byte at a time) body ends at the total timeout', async () => {
    const { error, ms } = await callAgainst(
      (res) => {
        res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': String(OK.length) })
        let i = 0
        const timer = setInterval(() => (i < OK.length ? res.write(OK[i++]) : res.end()), 40)
        res.on('close', () => clearInterval(timer))
      },
      { timeoutMs: 700 },
    )
    expect(error).toMatchObject({ name: 'LimitError', limit: 'time' })
    expect(ms).toBeLessThan(2500)
  })

  it('no response headers at all is a transport timeout', async () => {
    const { error, ms } = await callAgainst(() => {}, { connectTimeoutMs: 300 })
    expect(error).toBeInstanceOf(TransportError)
    expect(error).toMatchObject({ code: 'timeout' })
    expect(ms).toBeLessThan(2000)
  })
})

describe('not XML-RPC', () => {
  it('an HTML error page with 500 is an http error with status and first bytes', async () => {
    const page = `<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>${'x'.repeat(5000)}</body></html>`
    const { error } = await callAgainst((res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' })
      res.end(page)
    })
    expect(error).toBeInstanceOf(TransportError)
    const t = error as TransportError
    expect(t).toMatchObject({ code: 'http', status: 500 })
    expect(t.bodyStart).toBe(`${page.slice(0, 200)}…`)
  })

  it('a non-XML 200 is an http error too', async () => {
    const { error } = await callAgainst((res) => res.end('Service moved. Please see our website.'))
    expect(error).toMatchObject({
      name: 'TransportError',
      code: 'http',
      status: 200,
      bodyStart: 'Service moved. Please see our website.',
    })
  })

  it('an empty 500 (Python outside dispatch) is an http error with an empty body start', async () => {
    const { error } = await callAgainst((res) => {
      res.writeHead(500)
      res.end()
    })
    expect(error).toMatchObject({ code: 'http', status: 500, bodyStart: '' })
  })

  it('truncated XML is a protocol error with its position', async () => {
    const cut = OK.replace('?><m', '?>\n<m').slice(0, OK.indexOf('</string>') + 1)
    const { error } = await callAgainst(xml(cut))
    expect(error).toBeInstanceOf(ProtocolError)
    expect((error as ProtocolError).position).toMatchObject({ line: 2, offset: cut.length })
  })

  it('a value that comes with HTTP 500 is not taken as success', async () => {
    const { error } = await callAgainst(xml(OK, 500))
    expect(error).toMatchObject({ code: 'http', status: 500 })
  })

  it('a fault counts whatever the status (Winer-style HTTP 500)', async () => {
    const fault =
      '<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>4</int></value></member><member><name>faultString</name><value>Too many parameters.</value></member></struct></value></fault></methodResponse>'
    const { error } = await callAgainst(xml(fault, 500))
    expect(error).toBeInstanceOf(XmlRpcFault)
    expect(error).toMatchObject({ faultCode: 4, faultString: 'Too many parameters.' })
  })

  it('a connection cut mid-body is a reset', async () => {
    const { error } = await callAgainst((res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '10000' })
      res.write(OK.slice(0, 50), () => setTimeout(() => res.socket?.destroy(), 20))
    })
    expect(error).toMatchObject({ name: 'TransportError', code: 'reset' })
  })
})
