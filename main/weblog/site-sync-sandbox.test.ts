import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { md5Hex } from '../sandbox/members'
import { createXmlRpcClient } from '../xmlrpc/client'
import { syncStatus } from './sync-report'
import { openSite, type OpenSite } from './testing/site-fixture'
import { defineSyncSuite, SUITE_LIMITS } from './testing/sync-suite'

defineSyncSuite('sandbox', '%20', true)

describe('a partial success against the sandbox', () => {
  let s: OpenSite
  beforeAll(async () => {
    s = await openSite('sandbox', SUITE_LIMITS)
  })
  afterAll(() => s?.close())

  it('records the files that went, reports the one that did not with the server’s words, and retries only that one', async () => {
    // Another client left a folder where our file goes: the server refuses that one file.
    const raw = createXmlRpcClient(s.endpoint)
    const digest = md5Hex(s.password)
    await raw.call('xmlStorageSystem.saveMultipleFiles', [
      s.account.usernum,
      digest,
      ['clash.html/inside.txt'],
      [Buffer.from('x')],
    ])
    await s.put('clash.html', '<p>mine</p>')
    await s.put('fine.html', '<p>fine</p>')
    await s.put('also-fine.txt', 'fine too')
    const r = await s.sync()
    expect(syncStatus(r)).toBe('partial')
    expect(r.results.filter((x) => !x.ok)).toEqual([
      { path: 'clash.html', op: 'upload', ok: false, error: expect.stringContaining('clashes with a file or folder') },
    ])
    await raw.call('xmlStorageSystem.deleteMultipleFiles', [s.account.usernum, digest, ['clash.html/inside.txt']])
    const from = s.calls.length
    const retry = await s.sync()
    expect(s.uploads(from)).toEqual([['clash.html']])
    expect(syncStatus(retry)).toBe('ok')
  })
})

describe('a sync stopped halfway (cancelled, or the app quit)', () => {
  let s: OpenSite
  beforeAll(async () => {
    s = await openSite('sandbox', SUITE_LIMITS, { maxRequestBytes: 4096 })
  })
  afterAll(() => s?.close())

  it('keeps what the server confirmed, and the next sync sends only the rest', async () => {
    for (let i = 0; i < 40; i++) await s.put(`p/${i}.html`, `<p>${'x'.repeat(900)} ${i}</p>`)
    // Stopped as soon as the server has confirmed the first request.
    const stopper = new AbortController()
    const clientFor = (url: string) => {
      const inner = s.clientFor(url)
      return {
        url: inner.url,
        call: async (...a: Parameters<typeof inner.call>) =>
          inner.call(...a).finally(() => a[0].endsWith('saveMultipleFiles') && stopper.abort()),
      }
    }
    const first = await s.sync({ signal: stopper.signal, clientFor })
    expect(first.stop?.error.kind).toBe('cancelled')
    const confirmed = first.results.filter((r) => r.ok).map((r) => r.path)
    expect(confirmed.length).toBeGreaterThan(0)
    expect(confirmed.length).toBeLessThan(40)
    const from = s.calls.length
    const second = await s.sync()
    expect(syncStatus(second)).toBe('ok')
    const sentAgain = s.uploads(from).flat()
    expect(sentAgain.filter((p) => confirmed.includes(p))).toEqual([])
    expect([...confirmed, ...sentAgain].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `p/${i}.html`).sort())
  })
})
