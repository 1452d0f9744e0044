import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replyTitle } from './discuss'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

const NS = 'mainResponder.discuss'

describe('replyTitle', () => {
  it('prefixes "Re: " once', () => {
    expect(replyTitle('Hello')).toBe('Re: Hello')
    expect(replyTitle('Re: Hello')).toBe('Re: Hello')
    expect(replyTitle('RE:Hello')).toBe('RE:Hello')
    expect(replyTitle('Regarding')).toBe('Re: Regarding')
  })
})

describe('mainResponder.discuss on the sandbox', () => {
  let s: OpenSandbox
  const ann = ['ann@example.com', 'ann-pw'] as const
  const bob = ['bob@example.com', 'bob-pw'] as const
  const post = (
    group: string,
    who: readonly [string, string],
    title: string,
    body: string,
    inResponseTo: string | number,
  ) =>
    s.call(`${NS}.newMessage`, group, ...who, title, body, inResponseTo) as Promise<{
      msgnum: string
      url: string
      title: string
    }>

  beforeAll(async () => {
    s = await openSandbox({
      users: [
        { email: ann[0], password: ann[1] },
        { email: bob[0], password: bob[1] },
      ],
      groups: ['extra'],
      limits: { maxFileSize: 100 },
    })
  })
  afterAll(() => s?.close())

  it('has the sandbox group and the ones asked for, found case-insensitively', async () => {
    expect(s.sandbox.groups()).toEqual(['extra', 'sandbox'])
    const m = await post('EXTRA', ann, 'In extra', 'body', 0)
    expect(m.url).toBe(`${s.sandbox.baseUrl}/discuss/extra/${m.msgnum}`)
    expect((await s.fault(`${NS}.getTopics`, 'nowhere', ...ann, 5)).faultCode).toBe(7)
  })

  it('hands out msgnums as digit strings, refuses them back as ints except an inResponseTo', async () => {
    const m = await post('sandbox', ann, 'Numbers', 'body', 0)
    expect(m.msgnum).toMatch(/^\d{6}$/)
    const f = await s.fault(`${NS}.getMessage`, 'sandbox', ...ann, Number(m.msgnum))
    expect(f.faultCode).toBe(-32602)
    expect(f.faultString).toContain('must be string')
    // inResponseTo alone may name an all-digit msgnum by its <int>, as the seed types it.
    const asInt = await post('sandbox', bob, '', 'reply by number', Number(m.msgnum))
    expect(asInt.title).toBe('Re: Numbers')
    const read = (await s.call(`${NS}.getMessage`, 'sandbox', ...ann, asInt.msgnum)) as { inResponseTo: unknown }
    expect(read.inResponseTo).toBe(m.msgnum)
    expect((await s.fault(`${NS}.newMessage`, 'sandbox', ...ann, '', 'reply', 999999)).faultCode).toBe(7)
    const asDouble = await s.fault(`${NS}.newMessage`, 'sandbox', ...ann, '', 'reply', 1.5)
    expect(asDouble.faultCode).toBe(-32602)
    expect((await s.fault(`${NS}.newMessage`, 'sandbox', ...ann, '', 'reply', '999999')).faultCode).toBe(7)
  })

  it('applies the title rule on saves too, and lets only the author edit', async () => {
    const root = await post('sandbox', ann, 'Root', 'body', 0)
    const reply = await post('sandbox', bob, '  ', 'bob says', root.msgnum)
    expect(reply.title).toBe('Re: Root')
    const saved = (await s.call(`${NS}.saveMessage`, 'sandbox', ...bob, reply.msgnum, 'bob says more', '')) as {
      title: string
    }
    expect(saved.title).toBe('Re: Root')
    expect((await s.fault(`${NS}.saveMessage`, 'sandbox', ...ann, root.msgnum, 'body', '')).faultCode).toBe(9)
    expect((await s.fault(`${NS}.editMessage`, 'sandbox', ...ann, reply.msgnum)).faultCode).toBe(8)
    expect((await s.fault(`${NS}.saveMessage`, 'sandbox', ...ann, reply.msgnum, 'hijack', 'Mine')).faultCode).toBe(8)
    expect(
      (
        await s.fault(
          `${NS}.attachEnclosure`,
          'sandbox',
          ...ann,
          reply.msgnum,
          'text/plain',
          new Uint8Array([1]),
          'x.txt',
        )
      ).faultCode,
    ).toBe(8)
    expect(await s.call(`${NS}.editMessage`, 'sandbox', ...bob, reply.msgnum)).toEqual({
      title: 'Re: Root',
      body: 'bob says more',
      url: reply.url,
    })
    // Reading is for every member.
    expect(((await s.call(`${NS}.getMessage`, 'sandbox', ...ann, reply.msgnum)) as { author: string }).author).toBe(
      bob[0],
    )
  })

  it('refuses bad sign-ins, counts and parameter lists as faults', async () => {
    expect((await s.fault(`${NS}.getTopics`, 'sandbox', ann[0], 'md5-is-not-it', 5)).faultCode).toBe(4)
    expect((await s.fault(`${NS}.getTopics`, 'sandbox', ...ann, -1)).faultCode).toBe(-32602)
    expect((await s.fault(`${NS}.newMessage`, 'sandbox', ...ann, 'title', 'body')).faultString).toContain(
      'wrong number of parameters: expected 6, got 5',
    )
    expect((await s.fault(`${NS}.newMessage`, 'sandbox', ...ann, 'title', 42, 0)).faultString).toContain(
      'parameter 5 must be string, got int',
    )
  })

  it('lists topics newest first, up to count', async () => {
    const a = await post('extra', ann, 'A', 'a', 0)
    const b = await post('extra', bob, '', 'b', a.msgnum)
    const topics = (await s.call(`${NS}.getTopics`, 'extra', ...ann, 2)) as {
      msgnum: string
      inResponseTo: unknown
      author: string
    }[]
    expect(topics.map((t) => t.msgnum)).toEqual([b.msgnum, a.msgnum])
    expect(topics.map((t) => t.inResponseTo)).toEqual([a.msgnum, 0])
    expect(await s.call(`${NS}.getTopics`, 'extra', ...ann, 0)).toEqual([])
  })

  it('checks enclosures: MIME type, size, and serves them as downloads', async () => {
    const m = await post('sandbox', ann, 'With files', 'see attached', 0)
    expect(
      (
        await s.fault(
          `${NS}.attachEnclosure`,
          'sandbox',
          ...ann,
          m.msgnum,
          'text/plain\r\nX-Evil: 1',
          new Uint8Array([1]),
          'a.txt',
        )
      ).faultCode,
    ).toBe(-32602)
    expect(
      (await s.fault(`${NS}.attachEnclosure`, 'sandbox', ...ann, m.msgnum, 'text/plain', new Uint8Array(101), 'a.txt'))
        .faultCode,
    ).toBe(6)
    expect(
      (await s.fault(`${NS}.attachEnclosure`, 'sandbox', ...ann, m.msgnum, 'text/plain', 'not base64', 'a.txt'))
        .faultCode,
    ).toBe(-32602)
    const e = (await s.call(
      `${NS}.attachEnclosure`,
      'sandbox',
      ...ann,
      m.msgnum,
      'text/html',
      Buffer.from('<script>x</script>'),
      'system.pages.my page',
    )) as { url: string }
    expect(e.url).toBe(`${m.url}/enclosures/1/system.pages.my-page`)
    const got = await s.get(e.url)
    expect(got).toMatchObject({ status: 200, type: 'text/html' })
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="system.pages.my-page"')
    expect(got.bytes.toString()).toBe('<script>x</script>')
    expect((await s.get(`${m.url}/enclosures/2/x`)).status).toBe(404)
  })

  it('shows groups and messages as pages, bodies escaped, replies linked', async () => {
    const root = await post('sandbox', ann, 'Page <test>', '<img src=x onerror=alert(1)>', 0)
    const reply = await post('sandbox', bob, '', 'ok', root.msgnum)
    const page = await s.get(root.url)
    expect(page.type).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    const text = page.bytes.toString()
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(text).not.toContain('<img src=x')
    expect(text).toContain(`href="/discuss/sandbox/${reply.msgnum}"`)
    const group = (await s.get('/discuss/sandbox/')).bytes.toString()
    expect(group).toContain('Page &lt;test&gt;')
    expect((await s.get('/discuss/sandbox/nope')).status).toBe(404)
  })

  it('keeps numbering after a restart', async () => {
    const before = await post('sandbox', ann, 'Before', 'b', 0)
    await s.restart({ groups: [] })
    const after = await post('sandbox', ann, 'After', 'a', 0)
    expect(Number(after.msgnum)).toBe(Number(before.msgnum) + 1)
    expect(((await s.call(`${NS}.getMessage`, 'sandbox', ...ann, before.msgnum)) as { title: string }).title).toBe(
      'Before',
    )
    expect(s.sandbox.groups()).toEqual(['extra', 'sandbox'])
  })
})
