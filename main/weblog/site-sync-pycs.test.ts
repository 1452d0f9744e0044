import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncStatus } from './sync-report'
import { openSite, type OpenSite } from './testing/site-fixture'
import { defineSyncSuite } from './testing/sync-suite'

// PyCS renames "my file.html" to "my@20file.html" and offers no rssPleaseNotify.
defineSyncSuite('pycs', '@20', false)

describe('a partial success against the PyCS-like server', () => {
  let s: OpenSite
  beforeAll(async () => {
    s = await openSite('pycs', { maxFileSize: 2000, quota: 3000, legalExtensions: ['html', 'txt'] })
  })
  afterAll(() => s?.close())

  it('sends again only the file the server refused (it counts a replaced file twice toward the quota)', async () => {
    await s.put('filler.txt', 'f'.repeat(1500))
    await s.put('a.html', 'a'.repeat(1000))
    expect(syncStatus(await s.sync())).toBe('ok')
    // We know a.html's old 1000 bytes are freed by replacing it: 2900 of 3000. PyCS counts 3900.
    await s.put('a.html', 'A'.repeat(1400))
    await s.put('b.txt', 'b')
    let from = s.calls.length
    const r = await s.sync()
    expect(s.uploads(from)).toEqual([['a.html', 'b.txt']])
    expect(syncStatus(r)).toBe('partial')
    expect(r.results.find((x) => x.path === 'a.html')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/a\.html: over your quota/),
    })
    await s.remove('filler.txt')
    from = s.calls.length
    const retry = await s.sync()
    expect(s.deletes(from)).toEqual([['filler.txt']])
    expect(s.uploads(from)).toEqual([['a.html']])
    expect(syncStatus(retry)).toBe('ok')
    expect(await (await fetch(retry.results.find((x) => x.path === 'a.html')!.url!)).text()).toBe('A'.repeat(1400))
  })
})
