import { readFile, stat } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PostStore } from '../post-store'
import { syncStatus, type SiteSyncReport } from '../sync-report'
import { openSite, type OpenSite, type Target } from './site-fixture'
import { parseFeed, RFC822_NUMERIC } from './parse-feed'

export const SUITE_LIMITS = { maxFileSize: 4000, quota: 500_000, legalExtensions: ['html', 'xml', 'txt', 'css', 'png'] }
const CAP = 8192

/**
 * The sync's whole story against one real server: first sync, no change, one change, one
 * deletion, a file over the limits, a renamed path, the feed and the ping, and the dry run.
 * `space` is how the server's URLs spell a space in a path (PyCS renames "my file" to "my@20file").
 */
export function defineSyncSuite(target: Target, space: '%20' | '@20', cloud: boolean): void {
  const renamed = `my${space}file.html`
  describe(`site sync against ${target === 'sandbox' ? 'the sandbox' : 'the PyCS-like server'}`, () => {
    let s: OpenSite
    let first: SiteSyncReport
    const got = async (url: string) => {
      const res = await fetch(url)
      return { status: res.status, text: await res.text() }
    }
    const urlOf = (r: SiteSyncReport, path: string) => r.results.find((x) => x.path === path && x.ok)?.url ?? ''

    beforeAll(async () => {
      s = await openSite(target, SUITE_LIMITS, {
        maxRequestBytes: CAP,
        title: 'Field notes',
        description: 'Notes & asides',
      })
      await s.put('about.html', '<p>About</p>')
      await s.put('css/site.css', 'body { color: #222 }')
      await s.put('notes/a.txt', 'a note')
      await s.put('notes/read me.txt', 'renamed on the server')
      await s.put('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 128]))
      for (let i = 0; i < 12; i++) await s.put(`pages/page-${i}.html`, `<p>${'page text '.repeat(100)}${i}</p>`)
      const posts = new PostStore(s.loc.posts)
      await posts.save({
        id: 'hello',
        title: 'Hello, world',
        body: 'First *post*.',
        format: 'markdown',
        date: '2024-05-14T07:30:00Z',
        categories: ['news', 'meta'],
        updatedAt: '2024-05-14T07:30:00Z',
      })
      await posts.save({
        id: 'spaced',
        title: 'A spaced permalink',
        body: 'Its page is "my file.html".',
        format: 'text',
        date: '2024-05-15T07:30:00Z',
        categories: [],
        path: 'my file.html',
        updatedAt: '2024-05-15T07:30:00Z',
      })
      first = await s.sync()
    })
    afterAll(() => s?.close())

    it('first sync: every file goes up in capped requests and is served, byte for byte, at the URL returned', async () => {
      expect(syncStatus(first)).toBe('ok')
      const [firstPass, secondPass] = [s.uploads().slice(0, -1).flat(), s.uploads().at(-1)!]
      const sent = first.passes === 2 ? firstPass : [...firstPass, ...secondPass]
      // A server that renamed "my file.html" gets the pages linking to it again, with its URL.
      if (space === '@20') expect(secondPass).toEqual(['2024/05/index.html', 'index.html', 'rss.xml'])
      expect(first.passes).toBe(space === '@20' ? 2 : 1)
      const local = [
        'about.html',
        'css/site.css',
        'notes/a.txt',
        'notes/read me.txt',
        'image.png',
        'my file.html',
        'index.html',
        'rss.xml',
        '2024/05/index.html',
        '2024/05/14/hello-world.html',
        ...Array.from({ length: 12 }, (_, i) => `pages/page-${i}.html`),
      ]
      expect([...sent].sort()).toEqual(local.sort())
      expect(s.uploads().length).toBeGreaterThan(2)
      expect(Math.max(...s.requestSizes)).toBeLessThanOrEqual(CAP)
      for (const path of ['about.html', 'notes/read me.txt', 'image.png', 'css/site.css']) {
        const res = await fetch(urlOf(first, path))
        expect(res.status).toBe(200)
        expect(Buffer.from(await res.arrayBuffer())).toEqual(await readFile(`${s.siteDir}/${path}`))
      }
      expect(urlOf(first, 'notes/read me.txt')).toBe(`${first.folderUrl}notes/read${space}me.txt`)
    })

    it('links pages and the feed with the URLs the server returned, renamed paths included', async () => {
      const spaced = urlOf(first, 'my file.html')
      expect(spaced.endsWith(`/${renamed}`)).toBe(true)
      const home = await got(urlOf(first, 'index.html'))
      expect(home.status).toBe(200)
      expect(home.text).toContain(`<a href="${spaced}">A spaced permalink</a>`)
      expect(home.text).toContain(`<a href="${urlOf(first, '2024/05/14/hello-world.html')}">Hello, world</a>`)
      const feedRes = await got(urlOf(first, 'rss.xml'))
      const feed = await parseFeed(feedRes.text)
      expect(feed).toMatchObject({
        title: 'Field notes',
        description: 'Notes & asides',
        link: urlOf(first, 'index.html'),
      })
      expect(feed.lastBuildDate).toMatch(RFC822_NUMERIC)
      expect(feed.items.map((i) => i.title)).toEqual(['A spaced permalink', 'Hello, world'])
      expect(feed.items[0]).toMatchObject({
        link: spaced,
        guid: spaced,
        isPermaLink: 'true',
        pubDate: 'Wed, 15 May 2024 09:30:00 +0200',
        description: '<p>Its page is &quot;my file.html&quot;.</p>',
        categories: [],
      })
      expect(feed.items[1]).toMatchObject({
        link: urlOf(first, '2024/05/14/hello-world.html'),
        isPermaLink: 'true',
        pubDate: 'Tue, 14 May 2024 09:30:00 +0200',
        categories: ['news', 'meta'],
      })
      expect(feed.items[1].description).toContain('<em>post</em>')
      if (cloud) {
        const endpoint = new URL(s.endpoint)
        expect(feed.cloud).toEqual({
          domain: endpoint.hostname,
          port: endpoint.port,
          path: '/RPC2',
          registerProcedure: 'xmlStorageSystem.rssPleaseNotify',
          protocol: 'xml-rpc',
        })
      } else {
        expect(feed.cloud).toBeUndefined()
      }
    })

    it('pings the community’s weblogUpdates server once the home page is up, and shows its reply', async () => {
      expect(first.pings).toEqual([
        { server: s.endpoint, ok: true, message: expect.stringMatching(/thanks for the ping/i) },
      ])
      const list = await got(
        target === 'sandbox' ? `${s.baseUrl}/weblogUpdates` : `${s.baseUrl}/weblogUpdates/changes.xml`,
      )
      expect(list.text).toContain(urlOf(first, 'index.html'))
    })

    it('a sync with nothing changed makes no call at all', async () => {
      const from = s.calls.length
      const r = await s.sync()
      expect(s.calls.slice(from)).toEqual([])
      expect(r.plan).toMatchObject({ uploads: [], deletes: [], unchanged: 22 })
      expect(syncStatus(r)).toBe('ok')
    })

    it('one changed file: one file sent, nothing deleted, no ping', async () => {
      await s.put('about.html', '<p>About, revised</p>')
      const from = s.calls.length
      const r = await s.sync()
      expect(s.uploads(from)).toEqual([['about.html']])
      expect(s.deletes(from)).toEqual([])
      expect(r.pings).toEqual([])
      expect((await got(urlOf(r, 'about.html'))).text).toBe('<p>About, revised</p>')
    })

    it('one deleted file: one delete, and the server no longer serves it', async () => {
      await s.remove('notes/a.txt')
      const from = s.calls.length
      const r = await s.sync()
      expect(s.deletes(from)).toEqual([['notes/a.txt']])
      expect(s.uploads(from)).toEqual([])
      expect(r.results).toEqual([{ path: 'notes/a.txt', op: 'delete', ok: true }])
      expect((await got(urlOf(first, 'notes/a.txt'))).status).toBe(404)
    })

    it('a file over maxFileSize or of a refused type is reported before anything is sent; the others still go', async () => {
      await s.put('big.html', 'x'.repeat(SUITE_LIMITS.maxFileSize + 1))
      await s.put('tool.exe', 'MZ')
      await s.put('small.html', '<p>small</p>')
      const from = s.calls.length
      const r = await s.sync()
      expect(r.plan.refused.map((v) => [v.path, v.limit])).toEqual([
        ['big.html', 'maxFileSize'],
        ['tool.exe', 'legalFileExtensions'],
      ])
      expect(r.plan.refused[0].message).toContain(`at most ${SUITE_LIMITS.maxFileSize}`)
      expect(s.uploads(from)).toEqual([['small.html']])
      expect(syncStatus(r)).toBe('partial')
    })

    it('a dry run shows exactly what the next sync uploads and deletes, and sends or writes nothing', async () => {
      await s.put('css/site.css', 'body { color: #000 }')
      await s.put('new/page.html', '<p>new</p>')
      await s.remove('pages/page-3.html')
      await new PostStore(s.loc.posts).save({
        id: 'third',
        title: 'Third',
        body: 'three',
        format: 'text',
        date: '2024-06-01T07:30:00Z',
        categories: ['news'],
        updatedAt: '2024-06-01T07:30:00Z',
      })
      const stateBefore = await stat(s.loc.state)
      const from = s.calls.length
      const dry = await s.sync({ dryRun: true })
      expect(s.calls.slice(from).map((c) => c.method)).toEqual(['xmlStorageSystem.getServerCapabilities'])
      expect((await stat(s.loc.state)).mtimeMs).toBe(stateBefore.mtimeMs)
      await expect(stat(`${s.siteDir}/2024/06/01/third.html`)).rejects.toMatchObject({ code: 'ENOENT' })
      // A new month adds a link to every page's archive list: every weblog page changes.
      const weblog = [
        '2024/05/14/hello-world.html',
        '2024/05/index.html',
        '2024/06/01/third.html',
        '2024/06/index.html',
      ]
      expect(dry.plan.uploads.map((u) => u.path)).toEqual([
        ...weblog,
        'big.html',
        'css/site.css',
        'my file.html',
        'new/page.html',
        'tool.exe',
        'index.html',
        'rss.xml',
      ])
      expect(dry.plan.deletes.map((d) => d.path)).toEqual(['pages/page-3.html'])
      expect(dry.plan.refused.map((v) => v.path)).toEqual(['big.html', 'tool.exe'])
      const real = await s.sync()
      expect(s.uploads(from).flat()).toEqual(
        dry.plan.uploads.map((u) => u.path).filter((p) => !['big.html', 'tool.exe'].includes(p)),
      )
      expect(s.deletes(from).flat()).toEqual(['pages/page-3.html'])
      expect(real.pings).toHaveLength(1)
    })
  })
}
