import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient } from '../../xmlrpc/client'
import type { BlogLogin } from './blog-login'
import { findSentPosts } from './find-sent-post'
import { newPost } from './new-post'
import { openSandboxBlog } from './testing/sandbox-target'
import type { BlogTarget } from './testing/blog-target'
import { getUsersBlogs } from './users-blogs'

describe('findSentPosts (a newPost whose answer was lost)', () => {
  let t: BlogTarget
  let login: BlogLogin
  beforeAll(async () => {
    t = await openSandboxBlog()
    const creds = { client: createXmlRpcClient(t.endpoint), username: t.username, password: t.password }
    login = { ...creds, blogid: (await getUsersBlogs(creds))[0].blogid }
  })
  afterAll(() => t?.close())

  it('finds the post by title among those dated since the attempt, and a scheduled one by its date', async () => {
    const since = new Date()
    const id = await newPost(login, { title: 'Lost answer', description: 'x' }, true)
    await newPost(login, { title: 'Something else', description: 'y' }, true)
    const found = await findSentPosts(login, { title: ' Lost answer', description: 'x' }, since)
    expect(found.candidates.map((p) => p.id)).toEqual([id.id])
    expect(found.reachesBack).toBe(true)
    const date = { wall: '2035-01-02T03:04:05', zone: '+01:00' }
    const later = await newPost(login, { title: 'Lost answer', description: 'z', date }, true)
    expect(
      (await findSentPosts(login, { title: 'Lost answer', description: 'z', date }, since)).candidates.map((p) => p.id),
    ).toEqual([later.id])
  })

  it('finds nothing dated outside the attempt (give or take clock skew), and says when the listing is too short to tell', async () => {
    const later = new Date(Date.now() + 10 * 60_000)
    expect(
      (await findSentPosts(login, { title: 'Lost answer', description: 'x' }, later, { now: later })).candidates,
    ).toEqual([])
    // Undated: the 2035 post with the same title is not it.
    expect(
      (await findSentPosts(login, { title: 'Lost answer', description: 'x' }, new Date(Date.now() - 60_000)))
        .candidates,
    ).toHaveLength(1)
    const short = await findSentPosts(login, { title: 'Nothing', description: '' }, new Date(0), { count: 1 })
    expect(short).toMatchObject({ candidates: [], looked: 1, reachesBack: false })
  })
})
