import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

let t: OpenSandbox
const email = 'mc@example.com'
const password = 'pw'
beforeAll(async () => {
  t = await openSandbox({ users: [{ email, password }] })
})
afterAll(() => t.close())

const put = (relativePath: string, mimeType: string, text: string) =>
  t.call('webHost.put', { username: email, password, bytes: Buffer.from(text), mimeType, relativePath }) as Promise<{
    url: string
  }>

describe('what a member uploads cannot script the sandbox’s origin', () => {
  it('is served with the type its extension allows, nosniff and a CSP sandbox, whatever the uploader said', async () => {
    const page = await put('evil.html', 'image/png', '<script>fetch("/RPC2")</script>')
    const got = await t.get(page.url)
    expect(got.type).toBe('text/html; charset=utf-8')
    expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    expect(got.headers.get('content-security-policy')).toBe('sandbox')
    const svg = await t.get((await put('pic.svg', 'text/plain', '<svg onload="alert(1)"/>')).url)
    expect(svg.type).toBe('image/svg+xml; charset=utf-8')
    expect(svg.headers.get('content-security-policy')).toBe('sandbox')
  })

  it('refuses a MIME type with a line break at upload, on every way in', async () => {
    const webhost = await t.fault('webHost.put', {
      username: email,
      password,
      bytes: Buffer.from('x'),
      mimeType: 'text/html\r\nSet-Cookie: a=b',
      relativePath: 'x.html',
    })
    expect(webhost.faultCode).toBe(-32602)
    const blogs = (await t.call('blogger.getUsersBlogs', '', email, password)) as { blogid: string }[]
    const media = await t.fault('metaWeblog.newMediaObject', blogs[0].blogid, email, password, {
      name: 'a.png',
      type: 'image/png\nX-Evil: 1',
      bits: Buffer.from('png'),
    })
    expect(media.faultString).toContain('line break')
  })
})
