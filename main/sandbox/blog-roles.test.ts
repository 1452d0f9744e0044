import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcStruct } from '../xmlrpc/values'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

// The sandbox blog plays WordPress's roles: the owner is an administrator, a +author or
// +contributor address gets those roles' limits (blog-roles.ts).
describe('the sandbox blog’s roles', () => {
  let s: OpenSandbox
  const admin = ['ann@example.com', 'ann-pw'] as const
  const author = ['cat+author@example.com', 'cat-pw'] as const
  const blogOf = async (who: readonly [string, string]) =>
    ((await s.call('blogger.getUsersBlogs', '', ...who)) as XmlRpcStruct[])[0].blogid
  const fault = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => (e instanceof XmlRpcFault ? [e.faultCode, e.faultString] : e),
    )

  beforeAll(async () => {
    s = await openSandbox({
      users: [
        { email: admin[0], password: admin[1] },
        { email: author[0], password: author[1] },
      ],
    })
  })
  afterAll(() => s?.close())

  it('wp.getProfile names the role; only an administrator may add categories (wp.newTerm, wp.newCategory)', async () => {
    const [a, b] = [await blogOf(admin), await blogOf(author)]
    expect(await s.call('wp.getProfile', a, ...admin)).toMatchObject({ roles: ['administrator'] })
    expect(await s.call('wp.getProfile', b, ...author)).toMatchObject({ roles: ['author'] })
    const parent = await s.call('wp.newTerm', a, ...admin, struct({ name: 'Travel', taxonomy: 'category' }))
    expect(typeof parent).toBe('string')
    await s.call(
      'wp.newTerm',
      a,
      ...admin,
      struct({ name: 'Paris Life', taxonomy: 'category', parent: Number(parent) }),
    )
    const cats = (await s.call('metaWeblog.getCategories', a, ...admin)) as XmlRpcStruct[]
    expect(cats.find((c) => c.categoryName === 'Paris Life')).toMatchObject({ parentId: Number(parent) })
    const refused = [401, 'Sorry, you are not allowed to add a category.']
    expect(await fault(s.call('wp.newTerm', b, ...author, struct({ name: 'X', taxonomy: 'category' })))).toEqual(
      refused,
    )
    expect(await fault(s.call('wp.newCategory', b, ...author, struct({ name: 'X' })))).toEqual(refused)
  })

  it('an Author’s HTML is filtered and its title stored entity-encoded; an administrator’s is kept', async () => {
    const body = '<p onclick="x()">Hi</p><iframe src="v"></iframe><a href="javascript:alert(1)">a</a>'
    const post = async (who: readonly [string, string]) => {
      const id = await s.call(
        'metaWeblog.newPost',
        await blogOf(who),
        ...who,
        struct({ title: 'Fish & Chips <3', description: body }),
        true,
      )
      return (await s.call('metaWeblog.getPost', id, ...who)) as XmlRpcStruct
    }
    expect(await post(author)).toMatchObject({ title: 'Fish &amp; Chips &lt;3', description: '<p>Hi</p><a>a</a>' })
    expect(await post(admin)).toMatchObject({ title: 'Fish & Chips <3', description: body })
  })
})
