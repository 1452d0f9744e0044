import { it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { openSite } from './testing/site-fixture'
import { PostStore } from './post-store'

it('smoke', async () => {
  for (const t of ['pycs'] as const) {
    const s = await openSite(t, { maxFileSize: 3000, quota: 100000, legalExtensions: ['html', 'xml', 'txt', 'css'] })
    await s.put('about.html', '<p>about</p>')
    await new PostStore(s.loc.posts).save({ id: 'p1', title: 'Hello world', body: '*hi*', format: 'markdown', date: '2024-05-14T07:30:00Z', categories: ['news'], updatedAt: '2024-05-14T07:30:00Z' })
    await new PostStore(s.loc.posts).save({ id: 'p2', title: 'Spaced', body: 'x', format: 'text', date: '2024-05-15T07:30:00Z', categories: [], path: 'my file.html', updatedAt: '2024-05-14T07:30:00Z' })
    const r = await s.sync()
    console.log(r.passes, r.results.map((x) => `${x.path} ${x.ok} ${x.url}`), s.uploads(), r.pings)
    console.log(await (await fetch(r.results.find((x) => x.path === 'rss.xml')!.url!)).text())
    const n = s.calls.length
    const again = await s.sync()
    console.log(t, 'AGAIN', again.calls, s.calls.slice(n).map((c) => c.method))
    await s.close()
  }
})
