import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { spyClient } from '../../testing/spy-client'
import { serverTimeWall, type BlogTarget } from './blog-target'
import { BlogFault } from '../blog-fault'
import type { BlogLogin } from '../blog-login'
import { getCategories } from '../categories'
import { deletePost } from '../delete-post'
import { discoverEndpoint } from '../discover-endpoint'
import { editPost } from '../edit-post'
import { getPost } from '../get-post'
import { memoryMediaLedger } from '../media-ledger'
import { newPost } from '../new-post'
import { changedFields, snapshotOf } from '../post-conflict'
import type { PostId } from '../post-id'
import { bloggerRecentPosts, getRecentPosts } from '../recent-posts'
import { uploadPostMedia } from '../upload-media'
import { getUsersBlogs } from '../users-blogs'
import { onePixelPng } from './png'

/**
 * One suite for every blog server (the sandbox, a real WordPress): the whole life of a post through
 * our protocol layer, each step checked in what the server stored (ServerView), not only in its answers.
 */
export function defineBlogSuite(label: string, open: () => Promise<BlogTarget>): void {
  describe(`blog protocol against ${label}`, () => {
    let t: BlogTarget
    let login: BlogLogin
    let id: PostId
    let files: string
    const run = `${Date.now().toString(36)}${process.pid}`
    const title = `Upstream post ${run}`
    const ledger = memoryMediaLedger()

    beforeAll(async () => {
      t = await open()
      files = await mkdtemp(join(tmpdir(), 'blog-suite-'))
    })
    afterAll(async () => {
      await t?.close()
      if (files) await rm(files, { recursive: true, force: true })
    })

    it('lists the blogs the login may write to; discovery from the blog home page finds the endpoint', async () => {
      const creds = { client: createXmlRpcClient(t.endpoint), username: t.username, password: t.password }
      const [blog] = await getUsersBlogs(creds)
      expect(blog.blogName).not.toBe('')
      const found = await discoverEndpoint(blog.url)
      expect(found).toMatchObject({ via: 'rsd', endpoint: t.endpoint, blogId: String(blog.blogid) })
      login = { ...creds, blogid: blog.blogid, timeZone: t.timeZone }
      expect((await getCategories(login)).map((c) => c.name)).toEqual(expect.arrayContaining(t.categories))
    })

    it('newPost publishes, and the server stores exactly the fields sent', async () => {
      id = await newPost(
        login,
        {
          title,
          description: '<p>Hello from <em>Upstream</em>.</p>',
          categories: [t.categories[0]],
          keywords: ['upstream', `run-${run}`],
          excerpt: 'Short version.',
          slug: `upstream-${run}`,
        },
        true,
      )
      expect(id.wire).toBe(id.id) // metaWeblog.newPost answers a string on WordPress and here
      const stored = await t.view.post(id.id)
      expect(stored).toMatchObject({
        title,
        status: 'publish',
        slug: `upstream-${run}`,
        excerpt: 'Short version.',
        categories: [t.categories[0]],
      })
      expect(stored?.content).toContain('Hello from <em>Upstream</em>.')
      expect(stored?.tags.sort()).toEqual(['upstream', `run-${run}`].sort())
    })

    it('getPost answers the same post, and its link opens the published post', async () => {
      const got = await getPost(login, id)
      expect(got).toMatchObject({
        id: id.id,
        title,
        categories: [t.categories[0]],
        excerpt: 'Short version.',
        slug: `upstream-${run}`,
        status: 'publish',
        dateSource: 'gmt',
      })
      expect(got.keywords.sort()).toEqual(['upstream', `run-${run}`].sort())
      const page = await fetch(got.link ?? '')
      expect(page.status).toBe(200)
      expect(await page.text()).toContain(title)
    })

    it('editPost schedules it at a date given with its zone: the server stores that instant, unshifted', async () => {
      await editPost(
        login,
        id,
        { title, description: '<p>Scheduled.</p>', date: { wall: '2031-03-14T09:26:00', zone: 'Europe/Paris' } },
        true,
      )
      const stored = await t.view.post(id.id)
      expect(stored?.dateGmt?.toISOString()).toBe('2031-03-14T08:26:00.000Z')
      expect(stored?.status).toBe('future')
      // The server's own wall clock for it, in its own zone (WordPress: post_date, New York here).
      expect(stored?.localWallClock).toBe(serverTimeWall(new Date('2031-03-14T08:26:00Z'), t.timeZone))
      const got = await getPost(login, id)
      expect(got).toMatchObject({
        dateCreated: '2031-03-14T08:26:00.000Z',
        status: 'future',
        description: '<p>Scheduled.</p>',
      })
    })

    it('newMediaObject: each local file goes up once per blog, and the links are rewritten', async () => {
      const red = join(files, 'red dot.png')
      const blue = join(files, 'blue.png')
      await writeFile(red, onePixelPng(200, 0, 0))
      await writeFile(blue, onePixelPng(0, 0, 200))
      const before = await t.view.mediaCount()
      const spy = spyClient(login.client)
      const spied = { ...login, client: spy }
      const html = `<p>Two dots.</p><img src="${pathToFileURL(red).href}" alt="red"><img src='${pathToFileURL(red).href}'><a href="${pathToFileURL(blue).href}">blue</a> <img src="https://example.com/elsewhere.png">`
      const out = await uploadPostMedia(spied, html, { ledger })
      expect(spy.calls.map((c) => c.method)).toEqual(['metaWeblog.newMediaObject', 'metaWeblog.newMediaObject'])
      expect(await t.view.mediaCount()).toBe(before + 2)
      expect(out.html).not.toContain('file:')
      expect(out.html).toContain('https://example.com/elsewhere.png')
      for (const m of out.media) {
        const res = await fetch(m.record.url)
        expect(res.status).toBe(200)
        expect(Buffer.from(await res.arrayBuffer())).toEqual(
          m.path === red ? onePixelPng(200, 0, 0) : onePixelPng(0, 0, 200),
        )
      }
      await editPost(login, id, { title, description: out.html }, true)
      expect((await t.view.post(id.id))?.content).toContain(out.media[0].record.url)
      // The same bytes under another name, in another post: nothing goes up again.
      await copyFile(red, join(files, 'copy.png'))
      const again = await uploadPostMedia(spied, `<img src="${pathToFileURL(join(files, 'copy.png')).href}">`, {
        ledger,
      })
      expect(spy.calls).toHaveLength(2)
      expect(again.media[0]).toMatchObject({ uploaded: false, record: { url: out.media[0].record.url } })
      expect(await t.view.mediaCount()).toBe(before + 2)
    })

    it('getRecentPosts lists it (MetaWeblog and Blogger), and an edit made elsewhere shows as a conflict', async () => {
      expect((await getRecentPosts(login, 10)).find((p) => p.id === id.id)?.title).toBe(title)
      expect((await bloggerRecentPosts(login, 10)).find((p) => p.id === id.id)?.title).toBe(title)
      const base = snapshotOf(await getPost(login, id))
      expect(changedFields(base, await getPost(login, id))).toEqual([])
      const elsewhere = { ...login, client: createXmlRpcClient(t.endpoint) }
      await editPost(
        elsewhere,
        id.wire,
        { title: `${title} (edited on the web)`, description: base.description, categories: [...t.categories] },
        true,
      )
      expect(changedFields(base, await getPost(login, id))).toEqual(['title', 'categories'])
    })

    it('publish false keeps a post a draft on the server', async () => {
      const draft = await newPost(login, { title: `${title} draft`, description: 'Not yet.' }, false)
      expect((await t.view.post(draft.id))?.status).toBe('draft')
      expect((await getPost(login, draft)).status).toBe('draft')
      await deletePost(login, draft)
    })

    it('deletePost takes the post off the blog', async () => {
      await deletePost(login, id)
      expect([null, 'trash']).toContain((await t.view.post(id.id))?.status ?? null)
      expect((await getRecentPosts(login, 50)).some((p) => p.id === id.id)).toBe(false)
    })

    it('a wrong password is a typed auth error, sent once and never again with that password', async () => {
      const spy = spyClient(createXmlRpcClient(t.endpoint))
      const wrong = { ...login, client: spy, password: `wrong-${run}` }
      for (const attempt of [() => getUsersBlogs(wrong), () => getRecentPosts(wrong, 1), () => getUsersBlogs(wrong)]) {
        const e = await attempt().catch((x: unknown) => x)
        expect(e).toBeInstanceOf(BlogFault)
        expect((e as BlogFault).toAppError().kind).toBe('auth')
      }
      expect(spy.calls).toHaveLength(1)
    })
  })
}
