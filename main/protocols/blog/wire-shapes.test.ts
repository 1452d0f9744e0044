import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../xmlrpc/errors'
import { XmlRpcFault } from '../../xmlrpc/fault'
import { struct } from '../../xmlrpc/values'
import { fakeClient } from '../testing/fake-client'
import { getCategories } from './categories'
import { editPost } from './edit-post'
import { newMediaObject } from './new-media-object'
import { newPost } from './new-post'
import { getRecentPosts } from './recent-posts'
import { getUsersBlogs } from './users-blogs'

// Shapes other engines (and older WordPress) send, which our own peers never do.
const login = (answers: Parameters<typeof fakeClient>[0]) => {
  const fake = fakeClient(answers)
  return { fake, login: { client: fake.client, username: 'ann', password: `pw-${Math.random()}`, blogid: 12 } }
}

describe('blog wire shapes', () => {
  it('keeps an int blogid and an int post id as ints on the wire, strings for us', async () => {
    const { fake, login: l } = login({
      'blogger.getUsersBlogs': [struct({ blogid: 12, blogName: 'B', url: 'http://b/' }), 'junk'],
      'metaWeblog.newPost': 77,
      'metaWeblog.editPost': true,
    })
    const [blog] = await getUsersBlogs(l)
    expect(blog).toMatchObject({ blogid: 12, xmlrpc: null, isAdmin: null })
    const id = await newPost({ ...l, blogid: blog.blogid }, { title: 't', description: 'd' }, true)
    expect(id).toEqual({ id: '77', wire: 77 })
    await editPost(l, id, { title: 't', description: 'd' }, true)
    expect(fake.calls.map((c) => c.params[0])).toEqual(['', 12, 77])
  })

  it('reads categories as WordPress/Movable Type arrays and as the MetaWeblog spec’s struct keyed by name', async () => {
    const wp = login({
      'metaWeblog.getCategories': [
        struct({ categoryId: 3, parentId: 0, categoryName: 'Zed', description: 'Zed', htmlUrl: 'h' }),
        struct({ categoryId: '1', categoryName: 'Alpha' }),
      ],
    })
    expect(await getCategories(wp.login)).toEqual([
      { name: 'Alpha', id: '1', parentId: null, description: '', htmlUrl: null, rssUrl: null },
      { name: 'Zed', id: '3', parentId: '0', description: 'Zed', htmlUrl: 'h', rssUrl: null },
    ])
    const spec = login({
      'metaWeblog.getCategories': struct({ Travel: struct({ description: 'Trips', htmlUrl: 'h', rssUrl: 'r' }) }),
    })
    expect(await getCategories(spec.login)).toEqual([
      { name: 'Travel', id: null, parentId: null, description: 'Trips', htmlUrl: 'h', rssUrl: 'r' },
    ])
  })

  it('treats blogger.getRecentPosts faulting on an empty blog as [], and falls back to it without MetaWeblog', async () => {
    const missing = () => {
      throw new XmlRpcFault(-32601, 'server error. requested method metaWeblog.getRecentPosts does not exist.')
    }
    const empty = login({
      'metaWeblog.getRecentPosts': missing,
      'blogger.getRecentPosts': () => {
        throw new XmlRpcFault(500, 'Either there are no posts, or something went wrong.')
      },
    })
    expect(await getRecentPosts(empty.login, 5)).toEqual([])
    const some = login({
      'metaWeblog.getRecentPosts': missing,
      'blogger.getRecentPosts': [struct({ postid: 4, userid: '1', content: '<title>Hi</title>Body' })],
    })
    expect(await getRecentPosts(some.login, 5)).toMatchObject([
      { id: '4', wireId: 4, title: 'Hi', description: 'Body' },
    ])
    const broken = login({
      'metaWeblog.getRecentPosts': missing,
      'blogger.getRecentPosts': () => {
        throw new XmlRpcFault(500, 'Database error')
      },
    })
    await expect(getRecentPosts(broken.login, 5)).rejects.toMatchObject({
      name: 'BlogFault',
      faultString: 'Database error',
    })
  })

  it('refuses answers that do not say the thing was done', async () => {
    const l = login({
      'metaWeblog.editPost': false,
      'metaWeblog.newMediaObject': struct({ file: 'x.png' }),
      'metaWeblog.newPost': '',
    }).login
    await expect(editPost(l, '1', { title: '', description: '' }, true)).rejects.toBeInstanceOf(ProtocolError)
    await expect(newMediaObject(l, { name: 'x.png', type: 'image/png', bits: new Uint8Array(1) })).rejects.toThrow(
      /without a url/,
    )
    await expect(newPost(l, { title: '', description: '' }, true)).rejects.toThrow(/no usable post id/)
  })
})
