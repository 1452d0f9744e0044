import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PostStore } from './post-store'
import { siteStatus } from './site-status'
import { openSite, type OpenSite } from './testing/site-fixture'

describe('site status', () => {
  let s: OpenSite
  beforeAll(async () => {
    s = await openSite('sandbox', { maxFileSize: 10_000, quota: 100_000, legalExtensions: ['html', 'xml', 'txt'] })
  })
  afterAll(() => s?.close())

  it('says what a sync would do, from local files only, with no call to the server', async () => {
    await s.put('a.html', 'a')
    await new PostStore(s.loc.posts).save({
      id: 'p',
      title: 'P',
      body: 'p',
      format: 'text',
      date: '2024-05-14T07:30:00Z',
      categories: [],
      updatedAt: '2024-05-14T07:30:00Z',
    })
    const before = await siteStatus(s.dataDir, s.account)
    expect(before).toMatchObject({
      lastSyncAt: null,
      folderUrl: null,
      upstreamed: { files: 0, bytes: 0 },
      posts: 1,
      timeZone: 'Europe/Berlin',
      upstreamOnChange: false,
    })
    expect(before.pending.uploads.map((u) => u.path)).toEqual([
      '2024/05/14/p.html',
      '2024/05/index.html',
      'a.html',
      'index.html',
      'rss.xml',
    ])
    await s.sync()
    await s.put('b.html', 'b')
    await s.remove('a.html')
    const from = s.calls.length
    const after = await siteStatus(s.dataDir, s.account)
    expect(s.calls.length).toBe(from)
    expect(after.lastSyncAt).not.toBeNull()
    expect(after.upstreamed.files).toBe(5)
    expect(after.pending.uploads.map((u) => u.path)).toEqual(['b.html'])
    expect(after.pending.deletes.map((d) => d.path)).toEqual(['a.html'])
  })
})
