import { describe, expect, it } from 'vitest'
import { struct } from '../../xmlrpc/values'
import { fakeClient } from '../testing/fake-client'
import { InvalidInputError } from '../invalid-input-error'
import { TransportError } from '../../xmlrpc/errors'
import { memoryMediaLedger } from './media-ledger'
import { findMediaLinks, rewriteLinks } from './media-links'
import { uploadPostMedia } from './upload-media'

const files: Record<string, Uint8Array> = {
  '/img/a.png': Buffer.from('AAAA'),
  '/img/b.jpg': Buffer.from('BBBB'),
  '/img/a-copy.png': Buffer.from('AAAA'),
}
const readFile = async (p: string) => {
  const bytes = files[p]
  if (!bytes) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })
  return bytes
}

function blog(blogid: string | number = '1') {
  let n = 0
  const fake = fakeClient({
    'metaWeblog.newMediaObject': (params) =>
      struct({ url: `https://blog.example/up/${++n}-${String((params[3] as { name: string }).name)}` }),
  })
  return { fake, login: { client: fake.client, username: 'u', password: 'p', blogid } }
}

describe('media links', () => {
  it('finds src/href however quoted, with entities, and not inside other tags or text', () => {
    const html = `<p title="<img src=x>">src="no"</p><img alt="a > b src='file:///decoy'" src="file:///img/a.png?x=1&amp;y=2"><a href=file:///img/b.jpg>b</a><source src='s.mp3'><link href="style.css">`
    expect(findMediaLinks(html).map((l) => l.ref)).toEqual(['file:///img/a.png?x=1&y=2', 'file:///img/b.jpg', 's.mp3'])
  })

  it('rewrites by position, escaping for the attribute', () => {
    const html = `<img src="one"><a href='two'>t</a>`
    const [one, two] = findMediaLinks(html)
    expect(
      rewriteLinks(html, [
        { link: two, to: "http://x/?a=1&b='2'" },
        { link: one, to: 'http://x/1' },
      ]),
    ).toBe(`<img src="http://x/1"><a href='http://x/?a=1&amp;b=&#39;2&#39;'>t</a>`)
  })
})

describe('uploadPostMedia', () => {
  const resolveLocal = (ref: string) => (ref.startsWith('local:') ? ref.slice('local:'.length) : null)

  it('uploads each local file once, rewrites every link to it, and leaves other links alone', async () => {
    const { fake, login } = blog()
    const ledger = memoryMediaLedger()
    const html = `<img src="local:/img/a.png"><img src="local:/img/a.png"><a href="local:/img/b.jpg">b</a><img src="https://elsewhere/x.png">`
    const out = await uploadPostMedia(login, html, { ledger, resolveLocal, readFile })
    expect(out.html).toBe(
      `<img src="https://blog.example/up/1-a.png"><img src="https://blog.example/up/1-a.png"><a href="https://blog.example/up/2-b.jpg">b</a><img src="https://elsewhere/x.png">`,
    )
    expect(fake.calls.map((c) => (c.params[3] as { name: string; type: string }).type)).toEqual([
      'image/png',
      'image/jpeg',
    ])
    expect(ledger.size()).toBe(2)
  })

  it('remembers by content per blog: the same bytes under another name are not sent again; another blog gets its own copy', async () => {
    const ledger = memoryMediaLedger()
    const first = blog()
    await uploadPostMedia(first.login, `<img src="local:/img/a.png">`, { ledger, resolveLocal, readFile })
    const again = await uploadPostMedia(first.login, `<img src="local:/img/a-copy.png">`, {
      ledger,
      resolveLocal,
      readFile,
    })
    expect(first.fake.calls).toHaveLength(1)
    expect(again).toMatchObject({ html: `<img src="https://blog.example/up/1-a.png">`, media: [{ uploaded: false }] })
    const other = blog('2')
    await uploadPostMedia(other.login, `<img src="local:/img/a.png">`, { ledger, resolveLocal, readFile })
    expect(other.fake.calls).toHaveLength(1)
  })

  it('names a missing file, and remembers what went up before a failure', async () => {
    const { fake, login } = blog()
    const ledger = memoryMediaLedger()
    const e = await uploadPostMedia(login, `<img src="local:/img/a.png"><img src="local:/img/gone.png">`, {
      ledger,
      resolveLocal,
      readFile,
    }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(InvalidInputError)
    expect((e as Error).message).toMatch(/local:\/img\/gone\.png, which is not there any more/)
    expect(fake.calls).toHaveLength(1)
    expect(ledger.size()).toBe(1)
  })

  it('treats only file: URLs as local by default', async () => {
    const { fake, login } = blog()
    const out = await uploadPostMedia(login, `<img src="/img/a.png"><img src="local:/img/a.png">`, {
      ledger: memoryMediaLedger(),
      readFile,
    })
    expect(fake.calls).toHaveLength(0)
    expect(out.media).toEqual([])
  })

  it('says a file is too big for this host on HTTP 413, with its size', async () => {
    const fake = fakeClient({
      'metaWeblog.newMediaObject': () => {
        throw new TransportError('http', 'HTTP 413 Payload Too Large', { status: 413 })
      },
    })
    const login = { client: fake.client, username: 'u', password: 'p', blogid: '1' }
    const big = { '/img/big.png': new Uint8Array(3 * 1024 * 1024) }
    const e = await uploadPostMedia(login, `<img src="local:/img/big.png">`, {
      ledger: memoryMediaLedger(),
      resolveLocal,
      readFile: async (p: string) => big[p as keyof typeof big],
    }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(InvalidInputError)
    expect((e as Error).message).toBe(
      '“big.png” (3.0 MB) is too big for this host: it refused the upload (HTTP 413). Make the file smaller, or ask the host to raise its upload limit.',
    )
  })
})
