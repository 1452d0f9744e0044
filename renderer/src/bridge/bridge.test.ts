import { describe, expect, it } from 'vitest'
import { reconnectDelay } from './event-stream'
import { httpInvoke } from './http-invoke'
import { lineSplitter, parseEventLine } from './ndjson'

const conn = (respond: (url: string, init: RequestInit) => Promise<Response>) => ({
  origin: 'http://127.0.0.1:5320',
  token: 'secret',
  fetch: ((url: URL, init: RequestInit) => respond(String(url), init)) as unknown as typeof fetch,
})

describe('httpInvoke', () => {
  it('posts {input} with the token and returns the Result as sent', async () => {
    let seen: { url: string; init: RequestInit } | undefined
    const r = await httpInvoke(
      conn(async (url, init) => ((seen = { url, init }), Response.json({ ok: true, value: 42 }))),
      'drafts.get',
      [{ id: 'x' }],
    )
    expect(r).toEqual({ ok: true, value: 42 })
    expect(seen?.url).toBe('http://127.0.0.1:5320/api/drafts.get')
    expect(seen?.init.body).toBe('{"input":{"id":"x"}}')
    expect((seen?.init.headers as Record<string, string>)['x-upstream-token']).toBe('secret')
  })
  it('omits input for void channels', async () => {
    let body: unknown
    await httpInvoke(
      conn(async (_, init) => ((body = init.body), Response.json({ ok: true, value: [] }))),
      'drafts.list',
      [],
    )
    expect(body).toBe('{}')
  })
  it('never throws: refusals, network failures and junk become Results', async () => {
    const refused = await httpInvoke(
      conn(async () => new Response('no', { status: 401 })),
      'app.info',
      [],
    )
    expect(refused).toMatchObject({ ok: false, error: { kind: 'auth' } })
    const down = await httpInvoke(
      conn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      'app.info',
      [],
    )
    expect(down).toMatchObject({ ok: false, error: { kind: 'transport' } })
    const junk = await httpInvoke(
      conn(async () => new Response('<html>', { status: 200 })),
      'app.info',
      [],
    )
    expect(junk).toMatchObject({ ok: false, error: { kind: 'transport' } })
  })
})

describe('event stream', () => {
  it('splits NDJSON across chunk boundaries and skips what is not an event', () => {
    const lines: string[] = []
    const push = lineSplitter((l) => lines.push(l))
    push('{"event":"a","payload":1}\n{"event":"b",')
    push('"payload":{"x":2}}\n\n')
    expect(lines.map(parseEventLine)).toEqual([
      { event: 'a', payload: 1 },
      { event: 'b', payload: { x: 2 } },
    ])
    expect(parseEventLine(': heartbeat')).toBeNull()
  })
  it('backs off up to a ceiling', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250)
    expect(reconnectDelay(20, () => 1)).toBe(30_000)
  })
})
