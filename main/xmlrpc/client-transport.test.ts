import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { USER_AGENT } from '../base/version'
import { createXmlRpcClient } from './client'
import { closedPort, readRequest, startHttp, type HttpPeer } from './testing/peers/http-peer'
import { decodeCall } from './decode'
import { encodeResponse } from './encode'
import { TransportError } from './errors'
import type { WireEntry } from './wire-log'

// The transport against small real HTTP servers: what goes on the wire, redirects, network failures.
interface Seen {
  method?: string
  url?: string
  headers: IncomingHttpHeaders
  body: Buffer
}

const peers: HttpPeer[] = []
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()))
})

/** An echo server recording each request; `route` may answer instead (redirects). */
async function recorder(route?: (path: string, res: import('node:http').ServerResponse) => boolean) {
  const seen: Seen[] = []
  const peer = await startHttp(async (req, res) => {
    const body = await readRequest(req)
    seen.push({ method: req.method, url: req.url, headers: req.headers, body })
    if (route?.(req.url ?? '', res)) return
    const call = decodeCall(body)
    res.writeHead(200, { 'Content-Type': 'text/xml' })
    res.end(encodeResponse([call.method, ...call.params]))
  })
  peers.push(peer)
  return { peer, seen }
}

describe('the request on the wire', () => {
  it('POSTs text/xml with an exact byte Content-Length, our User-Agent and no credentials in the URL', async () => {
    const { peer, seen } = await recorder()
    const wire: WireEntry[] = []
    const url = peer.url.replace('http://', 'http://alice%40example.com:s%3Acret@')
    const client = createXmlRpcClient(url, { onWire: (e) => wire.push(e) })
    expect(await client.call('echo', ['héllo ✓ 𝄞'])).toEqual(['echo', 'héllo ✓ 𝄞'])
    const [req] = seen
    expect(req.method).toBe('POST')
    expect(req.url).toBe('/RPC2')
    expect(req.headers['content-type']).toBe('text/xml')
    expect(Number(req.headers['content-length'])).toBe(req.body.byteLength)
    expect(req.body.byteLength).toBeGreaterThan(req.body.toString('utf8').length) // multi-byte characters counted as bytes
    expect(req.headers['user-agent']).toBe(USER_AGENT)
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('alice@example.com:s:cret').toString('base64')}`)
    expect(client.url).toBe(peer.url)
    expect(wire[0].url).toBe(peer.url)
    expect(JSON.stringify(wire)).not.toContain('s:cret')
  })

  it('streams a large body with upload progress up to the total, still with Content-Length', async () => {
    const { peer, seen } = await recorder()
    const progress: [number, number][] = []
    const big = 'y'.repeat(1_000_000)
    await createXmlRpcClient(peer.url).call('echo', [big], {
      onUploadProgress: (sent, total) => progress.push([sent, total]),
    })
    const total = seen[0].body.byteLength
    expect(Number(seen[0].headers['content-length'])).toBe(total)
    expect(seen[0].headers['transfer-encoding']).toBeUndefined()
    expect(progress.length).toBeGreaterThan(5)
    expect(progress.every(([, t]) => t === total)).toBe(true)
    expect(progress.map(([s]) => s)).toEqual([...progress.map(([s]) => s)].sort((a, b) => a - b))
    expect(progress.at(-1)).toEqual([total, total])
  })

  it('a slow reader of a big upload is not a connect timeout: the connect clock stops once the body flows', async () => {
    const peer = await startHttp((req, res) => {
      let size = 0
      req.on('data', (c: Buffer) => {
        size += c.length
        req.pause()
        setTimeout(() => req.resume(), 15)
      })
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'text/xml' })
        res.end(encodeResponse(size))
      })
    })
    peers.push(peer)
    const started = Date.now()
    const size = await createXmlRpcClient(peer.url, { connectTimeoutMs: 300 }).call('echo', ['w'.repeat(6_000_000)])
    expect(size).toBeGreaterThan(6_000_000)
    expect(Date.now() - started).toBeGreaterThan(300) // the upload itself outlasted the connect timeout
  })

  it('a server that reads a big upload and never answers ends at the total timeout', async () => {
    const peer = await startHttp((req) => req.resume())
    peers.push(peer)
    const e = await createXmlRpcClient(peer.url, { connectTimeoutMs: 200, timeoutMs: 700 })
      .call('echo', ['w'.repeat(1_000_000)])
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ name: 'LimitError', limit: 'time', max: 700 })
  })

  it('reports progress once for a small body', async () => {
    const { peer } = await recorder()
    const progress: number[] = []
    await createXmlRpcClient(peer.url).call('echo', [1], { onUploadProgress: (sent) => progress.push(sent) })
    expect(progress).toHaveLength(1)
  })
})

describe('redirects', () => {
  it('302 is an error naming the Location; the POST is not re-sent as a GET', async () => {
    const { peer, seen } = await recorder((_path, res) => {
      res.writeHead(302, { Location: 'https://new.example.com/xmlrpc.php' })
      res.end()
      return true
    })
    const e = await createXmlRpcClient(peer.url)
      .call('m', [])
      .catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TransportError)
    expect(e).toMatchObject({ code: 'http', status: 302, location: 'https://new.example.com/xmlrpc.php' })
    expect((e as Error).message).toContain('https://new.example.com/xmlrpc.php')
    expect(seen).toHaveLength(1)
  })

  it('307 and 308 are followed with the same POST body', async () => {
    const { peer, seen } = await recorder((path, res) => {
      if (path === '/RPC2') res.writeHead(307, { Location: '/step' })
      else if (path === '/step') res.writeHead(308, { Location: '/final' })
      else return false
      res.end()
      return true
    })
    expect(await createXmlRpcClient(peer.url).call('m', ['x'])).toEqual(['m', 'x'])
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', '/RPC2'],
      ['POST', '/step'],
      ['POST', '/final'],
    ])
    expect(new Set(seen.map((s) => s.body.toString()))).toHaveProperty('size', 1)
  })

  it('stops after 5 redirects', async () => {
    const { peer, seen } = await recorder((path, res) => {
      res.writeHead(307, { Location: `/loop${seen.length}` })
      res.end()
      return true
    })
    const e = await createXmlRpcClient(peer.url)
      .call('m', [])
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ code: 'http', status: 307 })
    expect((e as Error).message).toMatch(/More than 5 redirects/)
    expect(seen).toHaveLength(6)
  })

  it('drops the credentials when a 307 leads to another origin', async () => {
    const other = await recorder()
    const { peer, seen } = await recorder((_p, res) => {
      res.writeHead(307, { Location: other.peer.url })
      res.end()
      return true
    })
    await createXmlRpcClient(peer.url.replace('http://', 'http://u:p@')).call('m', [])
    expect(seen[0].headers.authorization).toBeDefined()
    expect(other.seen[0].headers.authorization).toBeUndefined()
  })
})

describe('network failures', () => {
  it('connection refused', async () => {
    const port = await closedPort()
    const e = await createXmlRpcClient(`http://127.0.0.1:${port}/RPC2`)
      .call('m', [])
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ name: 'TransportError', code: 'refused', sysCode: 'ECONNREFUSED' })
  })

  it('a name that does not resolve is a dns error', async () => {
    const e = await createXmlRpcClient('http://nonexistent.invalid/RPC2')
      .call('m', [])
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ name: 'TransportError', code: 'dns' })
  })

  it('an untrusted (self-signed) certificate is a tls error: verification is never off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-tls-'))
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      )
      const peer = await startHttp((_req, res) => res.end('never'), {
        key: readFileSync(join(dir, 'key.pem')),
        cert: readFileSync(join(dir, 'cert.pem')),
      })
      peers.push(peer)
      const e = await createXmlRpcClient(peer.url)
        .call('m', [])
        .catch((x: unknown) => x)
      expect(e).toMatchObject({ name: 'TransportError', code: 'tls' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the caller cancelling is "aborted", promptly', async () => {
    const peer = await startHttp(() => {}) // never answers
    peers.push(peer)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const started = Date.now()
    const e = await createXmlRpcClient(peer.url)
      .call('m', [], { signal: controller.signal })
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ name: 'TransportError', code: 'aborted' })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('a per-call timeout overrides the client default', async () => {
    const peer = await startHttp(() => {})
    peers.push(peer)
    const started = Date.now()
    const e = await createXmlRpcClient(peer.url, { timeoutMs: 60_000 })
      .call('m', [], { timeoutMs: 200 })
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ name: 'TransportError', code: 'timeout' })
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('refuses a URL that is not http(s) before any network call', () => {
    expect(() => createXmlRpcClient('ftp://example.com/RPC2')).toThrow(/scheme/)
    expect(() => createXmlRpcClient('example.com/RPC2')).toThrow(/Not a URL/)
  })
})
