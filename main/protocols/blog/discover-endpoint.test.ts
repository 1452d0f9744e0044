import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TransportError } from '../../xmlrpc/errors'
import { InvalidInputError } from '../invalid-input-error'
import { discoverEndpoint } from './discover-endpoint'

const rsd = (
  apis: string,
) => `<?xml version="1.0" encoding="UTF-8"?><rsd version="1.0" xmlns="http://archipelago.phrasewise.com/rsd">
<service><engineName>Blogware 2</engineName><homePageLink>/</homePageLink><apis>${apis}</apis></service></rsd>`

// A site per path: each shows one way home pages and RSD files are written in the wild.
const pages: Record<string, [number, string, string?]> = {
  '/wp/': [
    200,
    `<html><head><link rel="https://api.w.org/" href="/wp-json/"><link rel="EditURI" type="application/rsd+xml" title="RSD" href="/wp/xmlrpc.php?rsd" /></head><body>big</body></html>`,
  ],
  '/wp/xmlrpc.php?rsd': [
    200,
    rsd(
      `<api name="WordPress" blogID="1" preferred="true" apiLink="http://HOST/wp/xmlrpc.php" /><api name="Blogger" blogID="1" preferred="false" apiLink="http://HOST/wp/xmlrpc.php" /><api name="WP-API" blogID="1" preferred="false" apiLink="http://HOST/wp-json/" />`,
    ),
  ],
  // Attribute order, single quotes, several rel tokens, an entity, a relative href, and a commented-out decoy.
  '/odd/': [
    200,
    `<!-- <link rel="EditURI" href="/decoy.xml"> --><LINK href='rsd.xml?a=1&amp;b=2' TYPE="application/rsd+xml" rel="alternate EditURI">`,
  ],
  '/odd/rsd.xml?a=1&b=2': [
    200,
    rsd(
      `<api name="Atom" preferred="true" apiLink="/atom" /><api name="Blogger" blogID="7" apiLink="/cgi/blogger"/><api name="MetaWeblog" blogID="7" preferred="false" apiLink="mw.cgi"></api>`,
    ),
  ],
  '/plain/': [200, '<html><head><title>No RSD here</title></head></html>'],
  '/moved': [301, '', '/landing/index.php'],
  '/landing/index.php': [200, '<html>no link</html>'],
  '/broken-rsd/': [200, '<link rel="EditURI" href="/missing.xml">'],
  '/atom-only/': [200, '<link rel="EditURI" href="/atom-only.xml">'],
  '/atom-only.xml': [200, rsd('<api name="Atom" preferred="true" apiLink="/atom" />')],
}

let server: Server
let base: string
const seen: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '')
    const page = pages[req.url ?? '']
    if (!page) return void res.writeHead(404).end('not found')
    const [status, body, location] = page
    res
      .writeHead(status, location ? { location } : { 'content-type': 'text/html' })
      .end(body.replaceAll('HOST', req.headers.host ?? ''))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('discoverEndpoint', () => {
  it('follows EditURI to RSD and picks the preferred XML-RPC API (WordPress over WP-API)', async () => {
    expect(await discoverEndpoint(`${base}/wp/`)).toEqual({
      endpoint: `${base}/wp/xmlrpc.php`,
      via: 'rsd',
      blogId: '1',
      engineName: 'Blogware 2',
      apiName: 'WordPress',
      note: null,
    })
  })

  it('reads links however they are written, resolving relative hrefs and apiLinks', async () => {
    const found = await discoverEndpoint(`${base}/odd/`)
    expect(found).toMatchObject({ via: 'rsd', endpoint: `${base}/odd/mw.cgi`, apiName: 'MetaWeblog', blogId: '7' })
    expect(seen).not.toContain('/decoy.xml')
  })

  it('guesses <site>/xmlrpc.php, saying why, when the home page has no EditURI', async () => {
    expect(await discoverEndpoint(`${base}/plain`)).toMatchObject({
      via: 'guess',
      endpoint: `${base}/plain/xmlrpc.php`,
      note: 'the home page answered HTTP 404',
    })
    expect(await discoverEndpoint(`${base}/plain/`)).toMatchObject({
      via: 'guess',
      endpoint: `${base}/plain/xmlrpc.php`,
      note: 'the home page has no EditURI (RSD) link',
    })
  })

  it('guesses in the folder the site redirected to', async () => {
    expect(await discoverEndpoint(`${base}/moved`)).toMatchObject({
      via: 'guess',
      endpoint: `${base}/landing/xmlrpc.php`,
    })
  })

  it('guesses when the RSD is missing or lists no XML-RPC API', async () => {
    expect(await discoverEndpoint(`${base}/broken-rsd/`)).toMatchObject({
      via: 'guess',
      endpoint: `${base}/broken-rsd/xmlrpc.php`,
    })
    expect((await discoverEndpoint(`${base}/atom-only/`)).note).toMatch(/lists no XML-RPC blog API/)
  })

  it('takes an endpoint URL as given, without fetching anything', async () => {
    const before = seen.length
    expect(await discoverEndpoint(`${base}/blog/xmlrpc.php`)).toMatchObject({
      via: 'given',
      endpoint: `${base}/blog/xmlrpc.php`,
    })
    expect(seen.length).toBe(before)
  })

  it('refuses what is not a web address, and reports an unreachable site instead of guessing', async () => {
    await expect(discoverEndpoint('ftp://example.com/')).rejects.toBeInstanceOf(InvalidInputError)
    await expect(discoverEndpoint('http://exa mple.com')).rejects.toBeInstanceOf(InvalidInputError)
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const e = await discoverEndpoint(`http://127.0.0.1:${port}/`).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TransportError)
    expect((e as TransportError).code).toBe('refused')
  })
})
