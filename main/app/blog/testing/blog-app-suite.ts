import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Job } from '../../../../shared/model'
import { deletePost } from '../../../protocols/blog/delete-post'
import { editPost } from '../../../protocols/blog/edit-post'
import { getRecentPosts } from '../../../protocols/blog/recent-posts'
import { newPost } from '../../../protocols/blog/new-post'
import { onePixelPng } from '../../../protocols/blog/testing/png'
import { LOOKUP_DELAYS_MS } from '../../../queue/policy'
import type { BlogApp, OpenBlogApp } from './blog-app'

/** Waits for the job to reach `state`; a job that stops elsewhere fails at once with its own error. */
async function settledAs(b: BlogApp, jobId: string, state: Job['state'] = 'done', timeout = 15_000): Promise<Job> {
  const stops: Job['state'][] = ['done', 'needs-attention', 'cancelled', 'unknown']
  await vi.waitFor(() => expect(stops).toContain(b.app.jobs.get(jobId)?.state), { timeout, interval: 20 })
  let job = b.app.jobs.get(jobId)!
  if (job.state === 'unknown' && state !== 'unknown') job = await b.app.settled(jobId, state, timeout)
  if (job.state !== state) throw new Error(`The job is ${job.state}, not ${state}: ${job.error?.message ?? ''}`)
  return job
}

const run = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`
const post = (b: { accountId: string }, title: string, body: string, more: Record<string, unknown> = {}) => ({
  kind: 'post' as const,
  format: 'html' as const,
  title,
  body,
  accountId: b.accountId,
  ...more,
})

/**
 * Blog accounts end to end through the core's channels and its real queue, against one blog
 * server (the sandbox's, a real WordPress), each step checked in what the server stored.
 */
export function defineBlogAppSuite(label: string, open: OpenBlogApp): void {
  describe(`blog accounts in the app, against ${label}`, () => {
    // Posts a test made, taken off the blog after it (a real WordPress outlives the test).
    const made: { b: BlogApp; id: string | number }[] = []
    afterEach(async () => {
      for (const m of made.splice(0)) await deletePost(m.b.other, m.id).catch(() => {})
    })

    it('adds the blog from its site URL (endpoint and blog discovered), lists its blogs and checks the login', async () => {
      const b = await open()
      const account = await b.addAccount()
      expect(account).toMatchObject({ kind: 'blog', url: b.endpoint, siteUrl: b.siteUrl, hasPassword: true })
      const blogs = await b.app.call('blog.blogs', { accountId: account.id })
      expect(blogs.map((x) => String(x.blogid))).toContain(String(account.blogId))
      const report = await b.app.call('accounts.test', { id: account.id })
      expect(report).toMatchObject({ ok: true })
      expect(report.notes.join(' ')).toMatch(/Signed in to “/)
      // Renaming needs no network: the endpoint found before is kept.
      b.net.offline = true
      expect(
        await b.app.call('accounts.save', {
          id: account.id,
          kind: 'blog',
          name: 'Renamed',
          siteUrl: b.siteUrl,
          username: b.username,
        }),
      ).toMatchObject({ name: 'Renamed', url: b.endpoint, blogId: account.blogId })
    })

    it('categories come from the blog and are kept on disk; offline the kept copy answers, dated', async () => {
      const b = await open()
      const { id } = await b.addAccount()
      const live = await b.app.call('blog.categories', { accountId: id })
      expect(live.fromCache).toBe(false)
      expect(live.categories.map((c) => c.name)).toEqual(expect.arrayContaining(b.categories))
      const kept = JSON.parse(await readFile(join(b.app.dir, 'blogs', id, 'categories.json'), 'utf8')) as {
        categories: unknown[]
      }
      expect(kept.categories).toEqual(live.categories)
      b.net.offline = true
      expect(await b.app.call('blog.categories', { accountId: id })).toMatchObject({
        fromCache: true,
        fetchedAt: live.fetchedAt,
        categories: live.categories,
        note: expect.stringMatching(/does not resolve/),
      })
    })

    it('publishes a post with an image: the image goes up once, links are rewritten, the post shows it', async () => {
      const b = await open()
      const { id: accountId } = await b.addAccount()
      const t = `Upstream app post ${run()}`
      const png = onePixelPng(200, 30, 30)
      const draft = await b.app.call(
        'drafts.save',
        post(
          { accountId },
          t,
          '<p>A red dot:</p><img src="red%20dot.png" alt="red"> <a href="./red dot.png">full size</a>',
          { categories: [b.categories[0]], tags: ['upstream', 'dots'], excerpt: 'A dot.' },
        ),
      )
      await b.attach(draft.id, 'red dot.png', png)
      const before = await b.view.mediaCount()
      const job = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      expect(job).toMatchObject({ action: 'blog.newPost', files: [{ path: 'red dot.png', status: 'sent' }] })
      made.push({ b, id: job.result!.msgnum! })
      const media = job.files![0].url!
      expect(await b.view.mediaCount()).toBe(before + 1)
      const stored = await b.view.post(String(job.result!.msgnum))
      expect(stored).toMatchObject({ title: t, status: 'publish', categories: [b.categories[0]], excerpt: 'A dot.' })
      expect(stored!.tags.sort()).toEqual(['dots', 'upstream'])
      expect(stored!.content).toContain(`src="${media}"`)
      expect(stored!.content).toContain(`href="${media}"`)
      expect(stored!.content).not.toContain('red%20dot.png')
      const page = await fetch(job.result!.url!)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain(media)
      expect(Buffer.from(await (await fetch(media)).arrayBuffer())).toEqual(png)
      // An edit using the same file again: editPost, and nothing more uploaded.
      await b.app.call('drafts.save', {
        ...post({ accountId }, t, '<p>Edited.</p><img src="red%20dot.png">'),
        id: draft.id,
      })
      const edit = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      expect(edit).toMatchObject({ action: 'blog.editPost', files: [{ status: 'sent', url: media }] })
      // WordPress: "72" from newPost, 72 from getPost
      expect(String(edit.result!.msgnum)).toBe(String(job.result!.msgnum))
      expect(await b.view.mediaCount()).toBe(before + 1)
      expect((await b.view.post(String(job.result!.msgnum)))!.content).toContain('Edited.')
      const ledger = JSON.parse(await readFile(join(b.app.dir, 'blogs', accountId, 'media.json'), 'utf8')) as {
        blogs: Record<string, Record<string, { url: string }>>
      }
      expect(Object.values(Object.values(ledger.blogs)[0]).map((r) => r.url)).toEqual([media])
    })

    it('reads every post back: an Author’s dropped category and filtered HTML are warnings on the job and the draft', async () => {
      const b = await open('author')
      const { id: accountId } = await b.addAccount()
      const t = `Fish & Chips <3 ${run()}`
      const draft = await b.app.call(
        'drafts.save',
        post(
          { accountId },
          t,
          '<p onclick="alert(1)">Chips.</p><iframe src="https://video.invalid/1"></iframe><p>Vinegar.</p>',
          { categories: [b.categories[0], 'Paris Life'] },
        ),
      )
      // An Author may not create categories: said before anything is sent, and the writer chooses.
      expect(await b.app.refusal('publish.draft', { draftId: draft.id })).toMatchObject({
        kind: 'invalid-input',
        message: expect.stringMatching(/no category ‘Paris Life’, and your account there \(an Author\) may not create/),
        details: { missingCategories: ['Paris Life'], choice: 'dropMissingCategories' },
      })
      expect([...b.app.jobs.values()]).toEqual([])
      const queued = await b.app.call('publish.draft', { draftId: draft.id, dropMissingCategories: true })
      const job = await settledAs(b, queued.id)
      made.push({ b, id: job.result!.msgnum! })
      const stored = (await b.view.post(String(job.result!.msgnum)))!
      expect(stored.content).not.toContain('<iframe')
      expect(stored.content).not.toContain('onclick')
      expect(stored.categories).toEqual([b.categories[0]])
      expect(stored.title).toBe(t.replace('&', '&amp;').replace('<', '&lt;')) // as WordPress keeps it for an Author
      const notes = job.result!.kept!.notes
      expect(notes.filter((n) => n.level === 'warning').map((n) => n.text)).toEqual([
        expect.stringMatching(
          /removed an <iframe> and an `onclick` attribute \(on <p>\) from the body — your account may not post unfiltered HTML/,
        ),
        expect.stringMatching(/dropped the category ‘Paris Life’/),
      ])
      // The encoded title reads the same: information, not a warning.
      expect(notes).toContainEqual(expect.objectContaining({ field: 'title', level: 'info' }))
      const onDraft = (await b.app.call('drafts.get', { id: draft.id })).published.at(-1)!
      expect(onDraft.kept).toEqual(job.result!.kept)
    })

    it('an admin’s ordinary post is read back and gives no warning (the negative control)', async () => {
      const b = await open('admin')
      const { id: accountId } = await b.addAccount()
      const t = `Ordinary ${run()}`
      const draft = await b.app.call(
        'drafts.save',
        post({ accountId }, t, '<p>Hello <strong>world</strong>, <a href="https://example.invalid/">a link</a>.</p>', {
          categories: [b.categories[1]],
          tags: ['plain'],
          excerpt: 'Plain.',
        }),
      )
      const job = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      made.push({ b, id: job.result!.msgnum! })
      expect(job.result!.kept).toMatchObject({ checkedAt: expect.any(String) })
      expect(job.result!.kept!.notes.filter((n) => n.level === 'warning')).toEqual([])
      expect((await b.view.post(String(job.result!.msgnum)))!.title).toBe(t)
    })

    it('creates a category the blog lacks before posting, where the account may (an administrator)', async () => {
      const b = await open('admin')
      const { id: accountId } = await b.addAccount()
      const name = `Paris Life ${run()}`
      const draft = await b.app.call(
        'drafts.save',
        post({ accountId }, `New category ${run()}`, '<p>Filed.</p>', { categories: [name, b.categories[0]] }),
      )
      const job = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      made.push({ b, id: job.result!.msgnum! })
      expect((await b.view.post(String(job.result!.msgnum)))!.categories.sort()).toEqual([name, b.categories[0]].sort())
      expect(job.result!.kept!.notes.filter((n) => n.level === 'warning')).toEqual([])
      const listed = await b.app.call('blog.categories', { accountId })
      expect(listed.categories.map((c) => c.name)).toContain(name)
    })

    it('an image upload whose answer was lost is found in the media library and reused, never uploaded twice', async () => {
      const b = await open()
      const { id: accountId } = await b.addAccount()
      const name = `lighthouse ${run()}.png`
      const png = onePixelPng(Math.floor(Math.random() * 256), 90, 160)
      const draft = await b.app.call(
        'drafts.save',
        post({ accountId }, `Lighthouse ${run()}`, `<p>Beam:</p><img src="${encodeURI(name)}" alt="beam">`),
      )
      await b.attach(draft.id, name, png)
      const before = await b.view.mediaCount()
      b.net.lose.push({ method: 'metaWeblog.newMediaObject', when: 'after' })
      const job = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id, 'done', 40_000)
      made.push({ b, id: job.result!.msgnum! })
      expect(job.attempts).toBeGreaterThan(1) // the first attempt lost the upload's answer
      expect(await b.view.mediaCount()).toBe(before + 1) // one attachment: the first upload, found again
      const url = job.files![0].url!
      expect(url).toMatch(/lighthouse-[a-z0-9]+\.png$/)
      expect((await b.view.post(String(job.result!.msgnum)))!.content).toContain(`src="${url}"`)
      expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(png)
      const ledger = JSON.parse(await readFile(join(b.app.dir, 'blogs', accountId, 'media.json'), 'utf8')) as {
        sending: Record<string, Record<string, unknown>>
      }
      expect(Object.values(ledger.sending).flatMap((r) => Object.keys(r))).toEqual([]) // nothing left unknown
    })

    it('a Contributor’s publish is refused with the reason, and “Submit for review” sends it pending', async () => {
      const b = await open('contributor')
      const { id: accountId } = await b.addAccount()
      const t = `For review ${run()}`
      const draft = await b.app.call('drafts.save', post({ accountId }, t, '<p>Please publish me.</p>'))
      const refused = await settledAs(
        b,
        (await b.app.call('publish.draft', { draftId: draft.id })).id,
        'needs-attention',
      )
      expect(refused.error).toMatchObject({
        message: expect.stringMatching(/may not publish posts .*Submit it for review instead/),
        details: { choice: 'submitForReview', retryHelps: false },
      })
      expect((await getRecentPosts(b.other, 20)).filter((p) => p.title === t)).toEqual([]) // nothing was posted
      const queued = await b.app.call('publish.draft', { draftId: draft.id, submitForReview: true })
      expect(queued.label).toMatch(/^Submit “For review .*” for review on /)
      const job = await settledAs(b, queued.id)
      made.push({ b, id: job.result!.msgnum! })
      expect(b.app.jobs.get(refused.id)?.state).toBe('cancelled')
      expect((await b.view.post(String(job.result!.msgnum)))!.status).toBe('pending')
      expect(job.result!.kept!.notes.filter((n) => n.level === 'warning')).toEqual([])
    })

    it('a newPost whose answer was lost is found on the blog (never sent again) and becomes the draft’s post', async () => {
      const b = await open()
      const { id: accountId } = await b.addAccount()
      const t = `Lost answer ${run()}`
      const draft = await b.app.call('drafts.save', post({ accountId }, t, '<p>Sent once.</p>'))
      b.net.lose.push({ method: 'metaWeblog.newPost', when: 'after' })
      const queued = await b.app.call('publish.draft', { draftId: draft.id })
      await settledAs(b, queued.id, 'unknown')
      const job = await settledAs(b, queued.id, 'done', LOOKUP_DELAYS_MS[0] + 10_000)
      const onBlog = (await getRecentPosts(b.other, 20)).filter((p) => p.title === t)
      expect(onBlog).toHaveLength(1)
      made.push({ b, id: onBlog[0].wireId })
      expect(job.attempts).toBe(1)
      expect(String(job.result!.msgnum)).toBe(onBlog[0].id)
      expect(job.history.map((h) => h.state)).toEqual(expect.arrayContaining(['unknown', 'done']))
      // The draft now stands for that post: publishing again edits it.
      const again = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      expect(again.action).toBe('blog.editPost')
      expect(String(again.result!.msgnum)).toBe(onBlog[0].id)
      expect((await getRecentPosts(b.other, 20)).filter((p) => p.title === t)).toHaveLength(1)
    })

    it('a lost newPost answer is resolved when the blog re-encoded the title (an Author’s “Fish & Chips”)', async () => {
      const b = await open('author')
      const { id: accountId } = await b.addAccount()
      const t = `Fish & Chips <3 lost ${run()}`
      const draft = await b.app.call('drafts.save', post({ accountId }, t, '<p>Sent once.</p>'))
      b.net.lose.push({ method: 'metaWeblog.newPost', when: 'after' })
      const queued = await b.app.call('publish.draft', { draftId: draft.id })
      await settledAs(b, queued.id, 'unknown')
      const job = await settledAs(b, queued.id, 'done', LOOKUP_DELAYS_MS[0] + 10_000)
      const encoded = t.replace('&', '&amp;').replace('<', '&lt;')
      const onBlog = (await getRecentPosts(b.other, 20)).filter((p) => p.title === encoded)
      expect(onBlog).toHaveLength(1) // stored encoded, found all the same, and posted once
      made.push({ b, id: onBlog[0].wireId })
      expect(job.attempts).toBe(1)
      expect(String(job.result!.msgnum)).toBe(onBlog[0].id)
      expect((await b.view.post(onBlog[0].id))!.title).toBe(encoded)
    })

    it('a scheduled post that went live is no conflict when the draft is published again', async () => {
      const b = await open()
      const { id: accountId } = await b.addAccount()
      const t = `Goes live ${run()}`
      // WordPress schedules only a minute or more ahead (its cron is then played); the sandbox any time ahead.
      const soon = new Date(Date.now() + (b.view.goLive ? 120_000 : 3000))
      const wall = soon.toISOString().slice(0, 19)
      const draft = await b.app.call(
        'drafts.save',
        post({ accountId }, t, '<p>Soon.</p>', { postDate: { wall, zone: 'UTC' } }),
      )
      const job = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      const postid = String(job.result!.msgnum)
      made.push({ b, id: job.result!.msgnum! })
      expect((await b.view.post(postid))?.status).toBe('future')
      expect((await b.app.call('drafts.get', { id: draft.id })).base?.post?.status).toBe('future')
      // Its time comes: WordPress's cron publishes it, the sandbox on its next call.
      await b.view.goLive?.(postid)
      await vi.waitFor(
        async () => {
          await getRecentPosts(b.other, 1)
          expect((await b.view.post(postid))?.status).toBe('publish')
        },
        { timeout: 20_000, interval: 500 },
      )
      await b.app.call('drafts.save', { ...post({ accountId }, t, '<p>Live, and edited.</p>'), id: draft.id })
      const edit = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      expect(edit.action).toBe('blog.editPost')
      expect((await b.view.post(postid))?.content).toContain('Live, and edited.')
    })

    it('recent posts open as drafts with their server base; a change made on the blog stops the publish as a conflict', async () => {
      const b = await open()
      const { id: accountId } = await b.addAccount()
      const t = `Written on the web ${run()}`
      const id = await newPost(
        b.other,
        { title: t, description: '<p>Theirs.</p>', categories: [b.categories[1]], keywords: ['web'], excerpt: 'E.' },
        true,
      )
      made.push({ b, id: id.wire })
      const listed = await b.app.call('blog.recentPosts', { accountId, count: 10 })
      const summary = listed.find((p) => p.id === id.id)!
      expect(summary).toMatchObject({ title: t, status: 'publish' })
      const opened = await b.app.call('blog.openPost', { accountId, postid: summary.wireId })
      expect(opened).toMatchObject({
        kind: 'post',
        format: 'html',
        title: t,
        categories: [b.categories[1]],
        tags: ['web'],
        excerpt: 'E.',
        postStatus: 'publish',
        base: { post: { id: id.id } },
      })
      expect((await b.app.call('blog.openPost', { accountId, postid: summary.wireId })).id).toBe(opened.id)
      expect(
        (await b.app.call('blog.recentPosts', { accountId, count: 10 })).find((p) => p.id === id.id)?.draftId,
      ).toBe(opened.id)
      await editPost(b.other, id, { title: `${t} (edited)`, description: '<p>Theirs, edited.</p>' }, true)
      await b.app.call('drafts.save', { ...post({ accountId }, t, '<p>Mine.</p>'), id: opened.id })
      const stopped = await settledAs(
        b,
        (await b.app.call('publish.draft', { draftId: opened.id })).id,
        'needs-attention',
      )
      expect(stopped).toMatchObject({ action: 'blog.editPost', error: { kind: 'conflict' } })
      expect((await b.app.call('drafts.get', { id: opened.id })).conflict).toMatchObject({
        changed: expect.arrayContaining(['title', 'description']),
        theirs: { title: `${t} (edited)` },
      })
      expect((await b.view.post(id.id))?.content).toContain('Theirs, edited.')
      await b.app.call('drafts.resolveConflict', { draftId: opened.id, choice: 'mine' })
      const saved = await settledAs(b, (await b.app.call('publish.draft', { draftId: opened.id })).id)
      expect(saved.action).toBe('blog.editPost')
      expect(String(saved.result!.msgnum)).toBe(id.id)
      expect(await b.view.post(id.id)).toMatchObject({ title: t, categories: [b.categories[1]] })
      expect((await b.view.post(id.id))?.content).toContain('Mine.')
    })

    it('schedules at a date with its zone, saves server drafts, and deletes: the draft then forgets the post', async () => {
      const b = await open()
      const { id: accountId } = await b.addAccount()
      const t = `Scheduled ${run()}`
      const draft = await b.app.call(
        'drafts.save',
        post({ accountId }, t, '<p>Later.</p>', { postDate: { wall: '2031-03-14T09:26', zone: 'Europe/Paris' } }),
      )
      const job = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      const postid = String(job.result!.msgnum)
      expect(await b.view.post(postid)).toMatchObject({ status: 'future', dateGmt: new Date('2031-03-14T08:26:00Z') })
      await b.app.call('drafts.save', {
        ...post({ accountId }, t, '<p>Not yet.</p>', { postDate: null, postStatus: 'draft' }),
        id: draft.id,
      })
      await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      expect((await b.view.post(postid))?.status).toBe('draft')
      const deleted = await settledAs(b, (await b.app.call('blog.deletePost', { draftId: draft.id })).id)
      expect(deleted.action).toBe('blog.deletePost')
      expect(String(deleted.result!.msgnum)).toBe(postid)
      expect([null, 'trash']).toContain((await b.view.post(postid))?.status ?? null)
      expect(await b.app.refusal('blog.deletePost', { draftId: draft.id })).toMatchObject({ kind: 'not-found' })
      const anew = await settledAs(b, (await b.app.call('publish.draft', { draftId: draft.id })).id)
      expect(anew.action).toBe('blog.newPost')
      expect(String(anew.result!.msgnum)).not.toBe(postid)
      made.push({ b, id: anew.result!.msgnum! })
    })
  })
}
