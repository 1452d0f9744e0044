import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { struct, XmlRpcDateTime, type XmlRpcStruct } from '../xmlrpc/values'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

type Blog = { blogid: string; url: string; xmlrpc: string; blogName: string }

describe('the sandbox blog', () => {
  let s: OpenSandbox
  const ann = ['ann@example.com', 'ann-pw'] as const
  const bob = ['bob@example.com', 'bob-pw'] as const
  let annBlog: Blog
  let bobBlog: Blog
  const blogOf = async (who: readonly [string, string]) =>
    ((await s.call('blogger.getUsersBlogs', '', ...who)) as Blog[])[0]
  const newPost = (who: readonly [string, string], blogid: string, content: Record<string, unknown>, publish = true) =>
    s.call('metaWeblog.newPost', blogid, ...who, struct(content as XmlRpcStruct), publish) as Promise<string>
  const getPost = (who: readonly [string, string], id: string | number) =>
    s.call('metaWeblog.getPost', id, ...who) as Promise<XmlRpcStruct>
  const page = async (url: string) => {
    const r = await s.get(url)
    return { status: r.status, type: r.type, text: r.bytes.toString('utf8') }
  }

  beforeAll(async () => {
    s = await openSandbox({
      users: [
        { email: ann[0], password: ann[1] },
        { email: bob[0], password: bob[1] },
      ],
      limits: { maxFileSize: 2000 },
    })
    annBlog = await blogOf(ann)
    bobBlog = await blogOf(bob)
  })
  afterAll(() => s?.close())

  it('gives each member one blog, blogid = usernum, and refuses a bad login with WordPress’s fault 403', async () => {
    expect(annBlog).toMatchObject({
      blogid: s.sandbox.members.byEmail(ann[0])?.usernum,
      xmlrpc: s.sandbox.endpoint,
      url: `${s.sandbox.baseUrl}/webhost/${annBlog.blogid}/blog/`,
    })
    expect(await blogOf(ann)).toEqual(annBlog)
    expect(await s.fault('blogger.getUsersBlogs', '', ann[0], 'nope')).toMatchObject({
      faultCode: 403,
      faultString: 'Incorrect username or password.',
    })
  })

  it('answers like WordPress: string ids from metaWeblog.newPost, an int from blogger.newPost, a fault for nothing to list', async () => {
    expect(await s.call('metaWeblog.getRecentPosts', bobBlog.blogid, ...bob, 5)).toEqual([])
    expect((await s.fault('blogger.getRecentPosts', '', bobBlog.blogid, ...bob, 5)).faultCode).toBe(500)
    const id = await s.call(
      'blogger.newPost',
      '',
      bobBlog.blogid,
      ...bob,
      '<title>Via Blogger</title><category>2</category>Plain body',
      true,
    )
    expect(typeof id).toBe('number')
    expect(await getPost(bob, String(id))).toMatchObject({
      postid: String(id),
      title: 'Via Blogger',
      description: 'Plain body',
      categories: ['Notes'],
    })
    const [listed] = (await s.call('blogger.getRecentPosts', '', Number(bobBlog.blogid), ...bob, 5)) as XmlRpcStruct[]
    expect(listed).toMatchObject({
      postid: String(id),
      content: '<title>Via Blogger</title><category>2</category>Plain body',
    })
    expect(typeof (await newPost(bob, bobBlog.blogid, { title: 'MW', description: 'x' }))).toBe('string')
  })

  it('lets members touch only their own blog and posts', async () => {
    const id = await newPost(ann, annBlog.blogid, { title: 'Ann’s', description: 'mine' })
    expect((await s.fault('metaWeblog.getPost', id, ...bob)).faultCode).toBe(401)
    expect((await s.fault('metaWeblog.editPost', Number(id), ...bob, struct({ title: 'x' }), true)).faultCode).toBe(401)
    expect((await s.fault('metaWeblog.newPost', annBlog.blogid, ...bob, struct({ title: 'x' }), true)).faultCode).toBe(
      401,
    )
    expect((await s.fault('metaWeblog.newPost', '999', ...bob, struct({ title: 'x' }), true)).faultCode).toBe(404)
    expect((await s.fault('metaWeblog.getPost', '123456', ...ann)).faultString).toBe('Invalid post ID.')
    expect((await getPost(ann, Number(id))).title).toBe('Ann’s') // ids as WordPress reads them: int or string
  })

  it('publishes pages: a home page with the RSD link, rsd.xml, one page per published post, scripts taken out', async () => {
    const id = await newPost(ann, annBlog.blogid, {
      title: 'Hello page',
      description: '<p>Hi<script>alert(1)</script></p><img src="x" onerror="alert(2)">',
    })
    const post = await getPost(ann, id)
    expect(post).toMatchObject({
      wp_slug: 'hello-page',
      link: `${annBlog.url}posts/hello-page.html`,
      description: '<p>Hi</p><img src="x" onerror="alert(2)">',
    })
    const home = await page(annBlog.url)
    expect(home.text).toContain('<link rel="EditURI" type="application/rsd+xml" title="RSD" href="rsd.xml">')
    expect(home.text).toContain('href="posts/hello-page.html"')
    expect((await page(`${annBlog.url}rsd.xml`)).text).toContain(
      `<api name="MetaWeblog" blogID="${annBlog.blogid}" preferred="true" apiLink="/RPC2" />`,
    )
    const shown = await page(String(post.link))
    expect(shown).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    expect(shown.text).toContain(`content="script-src 'none'`) // the onerror stays in the HTML but cannot run
    expect(shown.text).not.toContain('<script>')
    // A second post with the same title gets its own slug; a draft gets none and no page.
    expect(
      (await getPost(ann, await newPost(ann, annBlog.blogid, { title: 'Hello page', description: '' }))).wp_slug,
    ).toBe('hello-page-2')
    const draft = await getPost(
      ann,
      await newPost(ann, annBlog.blogid, { title: 'Secret draft', description: '' }, false),
    )
    expect(draft).toMatchObject({ post_status: 'draft', wp_slug: '' })
    expect((await page(annBlog.url)).text).not.toContain('Secret draft')
    // Trashed: off the home page, its page gone, still readable by its author like on WordPress.
    await s.call('blogger.deletePost', '', id, ...ann, true)
    expect((await page(String(post.link))).status).toBe(404)
    expect((await getPost(ann, id)).post_status).toBe('trash')
    expect(
      ((await s.call('metaWeblog.getRecentPosts', annBlog.blogid, ...ann, 50)) as XmlRpcStruct[]).map((p) => p.postid),
    ).not.toContain(id)
  })

  it('schedules a post by date_created_gmt, reports it "publish" like WordPress, and keeps it off the home page', async () => {
    const id = await newPost(ann, annBlog.blogid, {
      title: 'Later',
      description: 'Intro<!--more Go on-->Rest',
      date_created_gmt: new XmlRpcDateTime(2040, 5, 6, 7, 8, 9),
    })
    expect(await getPost(ann, id)).toMatchObject({
      post_status: 'publish',
      description: 'Intro',
      mt_text_more: 'Rest',
      wp_more_text: 'Go on',
      date_created_gmt: new XmlRpcDateTime(2040, 5, 6, 7, 8, 9),
    })
    expect((await page(annBlog.url)).text).not.toContain('Later')
  })

  it('stores media under the member’s web space: renamed on a clash, limited by type and size', async () => {
    const upload = (name: string, bits: Uint8Array, type = 'image/png') =>
      s.call('metaWeblog.newMediaObject', annBlog.blogid, ...ann, struct({ name, type, bits })) as Promise<{
        url: string
        file: string
        id: string
      }>
    const first = await upload('../Photo é.png', Buffer.from('png-1'))
    expect(first.file).toBe('Photo-e.png')
    expect(first.url).toMatch(
      new RegExp(`^${s.sandbox.baseUrl}/webhost/${annBlog.blogid}/blog/media/\\d{4}/\\d{2}/Photo-e\\.png$`),
    )
    const second = await upload('Photo é.png', Buffer.from('png-2'))
    expect(second.file).toBe('Photo-e-1.png')
    expect(await s.get(second.url)).toMatchObject({ status: 200, type: 'image/png', bytes: Buffer.from('png-2') })
    expect(
      (
        await s.fault(
          'metaWeblog.newMediaObject',
          annBlog.blogid,
          ...ann,
          struct({ name: 'tool.exe', type: 'application/octet-stream', bits: Buffer.from('MZ') }),
        )
      ).faultCode,
    ).toBe(500)
    expect(
      (
        await s.fault(
          'metaWeblog.newMediaObject',
          annBlog.blogid,
          ...ann,
          struct({ name: 'big.png', type: 'image/png', bits: Buffer.alloc(2001) }),
        )
      ).faultString,
    ).toMatch(/Could not write file big\.png.*2000/)
  })

  it('documents each blog method with signatures (ids as string or int) and help', async () => {
    const names = ((await s.call('system.listMethods')) as string[]).filter((n) => /^(blogger|metaWeblog|wp)\./.test(n))
    expect(names.sort()).toEqual([
      'blogger.deletePost',
      'blogger.editPost',
      'blogger.getRecentPosts',
      'blogger.getUsersBlogs',
      'blogger.newPost',
      'metaWeblog.deletePost',
      'metaWeblog.editPost',
      'metaWeblog.getCategories',
      'metaWeblog.getPost',
      'metaWeblog.getRecentPosts',
      'metaWeblog.newMediaObject',
      'metaWeblog.newPost',
      'wp.getMediaLibrary',
      'wp.getProfile',
      'wp.newCategory',
      'wp.newTerm',
    ])
    for (const name of names) {
      expect(((await s.call('system.methodHelp', name)) as string).length, name).toBeGreaterThan(20)
    }
    expect(await s.call('system.methodSignature', 'metaWeblog.getPost')).toEqual([
      ['struct', 'string', 'string', 'string'],
      ['struct', 'int', 'string', 'string'],
    ])
  })

  it('keeps posts, categories and media across a restart', async () => {
    const category = await s.call('wp.newCategory', annBlog.blogid, ...ann, struct({ name: 'Kept' }))
    expect(typeof category).toBe('number')
    const id = await newPost(ann, annBlog.blogid, {
      title: 'Survivor',
      description: 'still here',
      categories: ['Kept', 'Nonexistent'],
      mt_keywords: 'a, b',
    })
    const media = (await s.call(
      'metaWeblog.newMediaObject',
      annBlog.blogid,
      ...ann,
      struct({ name: 'keep.png', type: 'image/png', bits: Buffer.from('kept') }),
    )) as { url: string }
    await s.restart()
    const blog = await blogOf(ann)
    expect(await getPost(ann, id)).toMatchObject({ title: 'Survivor', categories: ['Kept'], mt_keywords: 'a,b' })
    const categories = (await s.call('metaWeblog.getCategories', blog.blogid, ...ann)) as XmlRpcStruct[]
    expect(categories.map((c) => c.categoryName)).toEqual(['Uncategorized', 'Notes', 'Links', 'Kept'])
    expect((await s.get(media.url.replace(/^http:\/\/[^/]+/, ''))).bytes.toString()).toBe('kept')
    expect((await page(`${blog.url}posts/survivor.html`)).text).toContain('still here')
  })
})
