import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import type { Draft, Job } from '../../../../shared/model'
import type { SiteDryRun, SiteStatusView, WeblogPost, WeblogSettings } from '../../../../shared/weblog'
import { SANDBOX_COMMUNITY, SANDBOX_WEBHOST, testCore } from '../../testing/test-core'

const accountId = SANDBOX_COMMUNITY
const post = (title: string, body: string, extra: object = {}) => ({
  kind: 'post' as const,
  format: 'markdown' as const,
  title,
  body,
  accountId,
  ...extra,
})
const text = async (url: string) => {
  const r = await fetch(url)
  expect(r.status, url).toBe(200)
  return r.text()
}

describe('weblog channels through the core (Local sandbox community account)', () => {
  it('publishes two posts: one queued sync renders and upstreams the site, the feed lists both, the ping’s reply is told', async () => {
    const app = await testCore()
    const first: Draft = await app.call(
      'drafts.save',
      post('First light', 'The *first* post.', { categories: ['harbour'] }),
    )
    const second: Draft = await app.call('drafts.save', post('Second tide', 'The second post.'))
    const [a, b]: Job[] = await Promise.all([
      app.call('weblog.posts.publish', { accountId, draftId: first.id }),
      app.call('weblog.posts.publish', { accountId, draftId: second.id, categories: ['tides', 'boats'] }),
    ])
    // Two publishes in one breath share one sync: it renders and sends every post.
    expect(b.id).toBe(a.id)
    expect(a).toMatchObject({ action: 'site.sync', accountId })
    expect([first.id, second.id]).toContain(a.draftId)
    const done = await app.settled(a.id)
    expect(done.result?.members).toMatchObject({ deleted: 0, pings: [{ ok: true, message: 'Thanks for the ping.' }] })
    expect(app.emitted('notification')).toContainEqual(
      expect.objectContaining({
        level: 'success',
        title: 'Site upstreamed',
        body: expect.stringContaining('“Thanks for the ping.”'),
      }),
    )

    const posts: WeblogPost[] = await app.call('weblog.posts.list', { accountId })
    expect(posts.map((p) => p.date)).toEqual(
      posts
        .map((p) => p.date)
        .sort()
        .reverse(),
    ) // newest first
    expect(posts.map((p) => [p.title, p.categories, p.draftId]).sort()).toEqual([
      ['First light', ['harbour'], first.id],
      ['Second tide', ['tides', 'boats'], second.id],
    ])
    for (const p of posts)
      expect(p.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/.*${p.path.replace(/\./g, '\\.')}$`))
    expect(await text(posts.find((p) => p.title === 'First light')!.url!)).toContain('<em>first</em>')

    // Nothing changed: the status says so without the network, with the URLs the server returned.
    const status: SiteStatusView = await app.call('site.status', { accountId })
    expect(status).toMatchObject({
      posts: 2,
      homeUrl: done.result!.url,
      feedUrl: expect.stringMatching(/\/rss\.xml$/),
      pending: { uploads: [], deletes: [] },
      lastSyncAt: expect.any(String),
    })
    expect(await text(status.homeUrl!)).toMatch(/First light[\s\S]*Second tide|Second tide[\s\S]*First light/)
    const feed = await new Parser().parseString(await text(status.feedUrl!))
    expect(feed.items.map((i) => [i.title, i.link, i.guid])).toEqual(posts.map((p) => [p.title, p.url, p.url]))
    // …and Sync now sends nothing.
    const again = await app.settled((await app.call('site.sync', { accountId })).id)
    expect(again.result?.members).toMatchObject({ uploaded: 0, deleted: 0 })
  })

  it('a dry run shows exactly what would go, be deleted and be refused, and sends nothing', async () => {
    const app = await testCore()
    const { siteDirInUse }: WeblogSettings = await app.call('weblog.settings.get', { accountId })
    await mkdir(join(siteDirInUse, 'notes'), { recursive: true })
    await writeFile(join(siteDirInUse, 'notes', 'a.html'), '<p>a</p>')
    await writeFile(join(siteDirInUse, 'gone.txt'), 'soon gone')
    await app.settled((await app.call('site.sync', { accountId })).id)

    await rm(join(siteDirInUse, 'gone.txt'))
    await writeFile(join(siteDirInUse, 'notes', 'a.html'), '<p>a, changed</p>')
    await writeFile(join(siteDirInUse, 'tool.exe'), 'MZ')
    await writeFile(join(siteDirInUse, '#draft.html'), 'the author’s own, never sent')
    const plan: SiteDryRun = await app.call('site.dryRun', { accountId })
    expect(plan.uploads).toEqual([
      { path: 'notes/a.html', size: 17, reason: 'changed' },
      { path: 'tool.exe', size: 2, reason: 'new' },
    ])
    expect(plan.deletes).toEqual([{ path: 'gone.txt', url: expect.stringMatching(/gone\.txt$/), size: 9 }])
    expect(plan.refused).toEqual([
      expect.objectContaining({
        path: 'tool.exe',
        limit: 'legalFileExtensions',
        message: expect.stringContaining('.exe'),
      }),
    ])
    expect(plan.requests).toEqual([1])
    // Nothing went: the same is still pending.
    const status: SiteStatusView = await app.call('site.status', { accountId })
    expect(status.pending.deletes.map((d) => d.path)).toEqual(['gone.txt'])
  })

  it('settings: defaults until saved, partial saves, and refusals that name the field and the fix', async () => {
    const app = await testCore()
    const defaults: WeblogSettings = await app.call('weblog.settings.get', { accountId })
    expect(defaults).toMatchObject({
      title: 'Local sandbox — weblog',
      upstreamOnChange: false,
      pingServers: [],
      siteDir: null,
      saved: false,
    })
    const saved: WeblogSettings = await app.call('weblog.settings.save', {
      accountId,
      title: 'Harbour notes',
      timeZone: '+02:00',
      pingServers: ['http://rpc.example.com/RPC2', ' '],
    })
    expect(saved).toMatchObject({
      title: 'Harbour notes',
      description: defaults.description,
      timeZone: '+02:00',
      pingServers: ['http://rpc.example.com/RPC2'],
      saved: true,
    })
    expect(await app.call('weblog.settings.get', { accountId })).toEqual(saved)

    expect(await app.refusal('weblog.settings.save', { accountId, timeZone: 'Mars/Olympus' })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('"Mars/Olympus" is not an IANA zone'),
    })
    expect(await app.refusal('weblog.settings.save', { accountId, title: '  ' })).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'title' },
    })
    expect(await app.refusal('weblog.settings.save', { accountId, siteDir: 'relative/www' })).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'siteDir' },
    })
    expect(await app.refusal('weblog.settings.save', { accountId, pingServers: ['ftp://x'] })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('http(s) URLs'),
    })
    expect(await app.refusal('weblog.settings.get', { accountId: SANDBOX_WEBHOST })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('community-server accounts'),
    })
  })

  it('Write’s Publish sends a community post the same way; removing a post takes its page off the server', async () => {
    const app = await testCore()
    const draft: Draft = await app.call('drafts.save', post('Short lived', 'Here, then gone.'))
    const job: Job = await app.call('publish.draft', { draftId: draft.id })
    expect(job.action).toBe('site.sync')
    await app.settled(job.id)
    const [p]: WeblogPost[] = await app.call('weblog.posts.list', { accountId })
    expect((await fetch(p.url!)).status).toBe(200)

    const page: Draft = await app.call('drafts.save', {
      kind: 'page',
      format: 'html',
      title: 'A page',
      body: 'x',
      accountId,
    })
    expect(await app.refusal('weblog.posts.publish', { accountId, draftId: page.id })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('set its Kind to Weblog post'),
    })

    const removed: { removed: true; job: Job } = await app.call('weblog.posts.remove', { accountId, id: p.id })
    await app.settled(removed.job.id)
    expect(await app.call('weblog.posts.list', { accountId })).toEqual([])
    expect((await fetch(p.url!)).status).toBe(404)
    expect(await app.refusal('weblog.posts.remove', { accountId, id: p.id })).toMatchObject({ kind: 'not-found' })
  })
})
