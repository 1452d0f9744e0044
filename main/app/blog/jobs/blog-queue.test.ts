import { describe, expect, it } from 'vitest'
import { getRecentPosts } from '../../../protocols/blog/recent-posts'
import { newPost } from '../../../protocols/blog/new-post'
import { editPost } from '../../../protocols/blog/edit-post'
import { getPost } from '../../../protocols/blog/get-post'
import { onePixelPng } from '../../../protocols/blog/testing/png'
import { LOOKUP_DELAYS_MS } from '../../../queue/policy'
import { postBaseOf } from '../blog-post-draft'
import { lossyFetch } from '../../testing/lossy-fetch'
import { blogQueue, faultAnswer } from '../testing/blog-queue'

const post = (title: string, more = {}) => ({ title, description: `<p>${title}</p>`, publish: true, ...more })

describe('blog jobs through the queue, against the sandbox blog', () => {
  it('newPost lost and several look-alikes on the blog: the person is asked which, by post id; nothing is re-sent', async () => {
    const t = await blogQueue((method, send) =>
      method === 'metaWeblog.newPost' ? lossyFetch([{ method, when: 'before' }])('', {}) : send(),
    )
    for (let i = 0; i < 2; i++) await newPost(t.login, { title: 'Twice', description: 'Same.' }, true)
    const job = await t.queue('blog.newPost', post('Twice'))
    expect(job()).toMatchObject({ state: 'unknown', uncertain: { status: 'searching' } })
    await t.clock.advance(LOOKUP_DELAYS_MS[0])
    const ids = (await getRecentPosts(t.login, 10)).map((p) => p.wireId)
    expect(job()).toMatchObject({ state: 'needs-attention', error: { kind: 'conflict' } })
    expect([...job().uncertain!.candidates!].sort()).toEqual([...ids].sort())
    await t.publisher.resolve(job().id, { posted: true, msgnum: ids[1] })
    expect(job()).toMatchObject({ state: 'done', result: { msgnum: ids[1] } })
    expect(t.methods.filter((m) => m === 'metaWeblog.newPost')).toHaveLength(1)
    expect(t.world.records.get('d-Twice')).toMatchObject([{ msgnum: ids[1] }])
  })

  it('newPost lost and not on the blog: looked for three times, then the person decides; "not posted" sends it once more', async () => {
    const t = await blogQueue((method, send) =>
      method === 'metaWeblog.newPost' && t.methods.filter((m) => m === method).length === 1
        ? lossyFetch([{ method, when: 'before' }])('', {})
        : send(),
    )
    const job = await t.queue('blog.newPost', post('Alone'))
    for (const delay of LOOKUP_DELAYS_MS) await t.clock.advance(delay)
    expect(job()).toMatchObject({
      state: 'unknown',
      uncertain: { status: 'ask-user', lookups: 3 },
      error: { kind: 'not-found' },
    })
    expect(await getRecentPosts(t.login, 10)).toEqual([])
    await t.publisher.resolve(job().id, { posted: false })
    await t.clock.idle()
    expect(job()).toMatchObject({ state: 'done', attempts: 2 })
    expect((await getRecentPosts(t.login, 10)).map((p) => p.title)).toEqual(['Alone'])
  })

  it('a refused login (fault 403) needs the person at once and is never sent again on its own, even on "retry"', async () => {
    const t = await blogQueue()
    t.world.passwords.set('b', 'wrong password')
    const job = await t.queue('blog.newPost', post('Locked out'))
    expect(job()).toMatchObject({ state: 'needs-attention', attempts: 1, error: { kind: 'auth' } })
    expect(job().uncertain).toBeUndefined() // the blog said no: nothing may be on it
    // What the queue writes to disk carries the blog's words and the fix.
    expect(JSON.parse(JSON.stringify(job())).error).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/refused the login.*does not try the same password again/),
      details: { faultCode: 403 },
    })
    await t.clock.advance(60 * 60_000)
    await t.publisher.act(job().id, 'retry')
    await t.clock.idle()
    expect(job()).toMatchObject({ state: 'needs-attention', attempts: 2, error: { kind: 'auth' } })
    expect(t.methods.filter((m) => m === 'metaWeblog.newPost')).toHaveLength(1)
  })

  it('XML-RPC turned off (fault 405): needs the person, with how to turn it on, and is not retried', async () => {
    const t = await blogQueue(async () => faultAnswer(405, 'XML-RPC services are disabled on this site.'))
    const job = await t.queue('blog.editPost', post('Off', { postid: '1' }))
    expect(job()).toMatchObject({ state: 'needs-attention', attempts: 1, error: { kind: 'unsupported' } })
    expect(job().error!.message).toMatch(/turned off.*To enable it/s)
    await t.clock.advance(60 * 60_000)
    expect(job().attempts).toBe(1)
  })

  it('a blog that says it is busy is tried again later, like any passing failure', async () => {
    let busy = true
    const t = await blogQueue(async (method, send) =>
      method === 'metaWeblog.newPost' && busy
        ? ((busy = false), faultAnswer(1, 'Server busy, try again later'))
        : send(),
    )
    const job = await t.queue('blog.newPost', post('Busy'))
    expect(job()).toMatchObject({
      state: 'waiting-retry',
      error: { kind: 'fault', details: { classification: 'busy' } },
    })
    await t.clock.advance(2_000)
    expect(job()).toMatchObject({ state: 'done', attempts: 2 })
  })

  it('editPost whose answer was lost: retried, and the blog holding our own text is no conflict', async () => {
    const t = await blogQueue((method, send) =>
      method === 'metaWeblog.editPost' && t.methods.filter((m) => m === method).length === 1
        ? lossyFetch([{ method, when: 'after' }])('', {})
        : send(),
    )
    const id = await newPost(t.login, { title: 'Notes', description: '<p>Base.</p>', categories: ['Notes'] }, true)
    await t.draft({ id: 'd-Notes', base: postBaseOf(await getPost(t.login, id), t.clock.now()) })
    const job = await t.queue(
      'blog.editPost',
      post('Notes', { description: '<p>Mine.</p>', categories: ['Links'], postid: id.wire }),
    )
    expect(job()).toMatchObject({ state: 'waiting-retry', error: { kind: 'transport' } })
    await t.clock.advance(2_000)
    expect(job()).toMatchObject({ state: 'done', attempts: 2 })
    expect(t.world.drafts.get('d-Notes')).toMatchObject({
      base: { post: { description: '<p>Mine.</p>', categories: ['Links'] } },
    })
    expect(t.world.drafts.get('d-Notes')!.conflict).toBeUndefined()
  })

  it('an edit made on the blog stops editPost with a conflict on the draft; nothing is overwritten', async () => {
    const t = await blogQueue()
    const id = await newPost(t.login, { title: 'Shared', description: '<p>Base.</p>' }, true)
    await t.draft({ id: 'd-Shared', base: postBaseOf(await getPost(t.login, id), t.clock.now()) })
    await editPost(t.login, id, { title: 'Shared', description: '<p>Theirs.</p>', keywords: ['web'] }, true)
    const job = await t.queue('blog.editPost', post('Shared', { description: '<p>Mine.</p>', postid: id.wire }))
    expect(job()).toMatchObject({
      state: 'needs-attention',
      error: { kind: 'conflict', details: { changed: ['description', 'keywords'] } },
    })
    expect(t.world.drafts.get('d-Shared')!.conflict).toMatchObject({
      changed: ['description', 'keywords'],
      theirs: { body: '<p>Theirs.</p>', post: { keywords: ['web'] } },
    })
    expect((await getPost(t.login, id)).description).toBe('<p>Theirs.</p>')
  })

  it('a linked file no longer attached stops the post before anything is sent; an attached one goes up once across jobs', async () => {
    const t = await blogQueue()
    await t.draft({ id: 'd-Pic' }, { 'dot.png': onePixelPng(0, 0, 200) })
    const first = await t.queue('blog.newPost', post('Pic', { description: '<img src="dot.png">' }), 'd-Pic', [
      'dot.png',
    ])
    const second = await t.queue('blog.newPost', post('Pic again', { description: '<img src="./dot.png">' }), 'd-Pic', [
      'dot.png',
    ])
    expect([first().state, second().state]).toEqual(['done', 'done'])
    expect(t.methods.filter((m) => m === 'metaWeblog.newMediaObject')).toHaveLength(1)
    expect(second().files![0].url).toBe(first().files![0].url)
    await t.draft({ id: 'd-Gone' })
    const gone = await t.queue('blog.newPost', post('Gone', { description: '<img src="dot.png">' }), 'd-Gone', [
      'dot.png',
    ])
    expect(gone()).toMatchObject({
      state: 'needs-attention',
      error: { kind: 'not-found', message: expect.stringMatching(/no longer attached/) },
    })
    expect(t.methods.filter((m) => m === 'metaWeblog.newPost')).toHaveLength(2)
  })
})
