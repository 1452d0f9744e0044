import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcStruct } from '../xmlrpc/values'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

// Sticky and post passwords on the sandbox blog, with WordPress's rules (_toggle_sticky): checked
// against the real WordPress in main/app/blog/jobs/blog-statuses-wordpress.test.ts.
describe('the sandbox blog’s sticky posts and passwords', () => {
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
  const post = (extra: Record<string, unknown>) => struct({ title: 'T', description: '<p>b</p>', ...extra })

  beforeAll(async () => {
    s = await openSandbox({
      users: [
        { email: admin[0], password: admin[1] },
        { email: author[0], password: author[1] },
      ],
    })
  })
  afterAll(() => s?.close())

  it('an administrator sticks, unsticks and password-protects; getPost says so', async () => {
    const a = await blogOf(admin)
    const id = await s.call('metaWeblog.newPost', a, ...admin, post({ sticky: true }), true)
    expect(await s.call('metaWeblog.getPost', id, ...admin)).toMatchObject({ sticky: true, wp_password: '' })
    await s.call('metaWeblog.editPost', id, ...admin, post({ wp_password: 'pw' }), true)
    // A password-protected post cannot stay sticky: WordPress unsticks it silently.
    expect(await s.call('metaWeblog.getPost', id, ...admin)).toMatchObject({ sticky: false, wp_password: 'pw' })
    expect(await fault(s.call('metaWeblog.editPost', id, ...admin, post({ sticky: true }), true))).toEqual([
      401,
      'Sorry, you cannot stick a private post.',
    ])
    const p = await s.call('metaWeblog.newPost', a, ...admin, post({ post_status: 'private' }), true)
    expect(await s.call('metaWeblog.getPost', p, ...admin)).toMatchObject({ post_status: 'private', sticky: false })
  })

  it('an Author is refused any sticky member, even false; without it the post goes', async () => {
    const b = await blogOf(author)
    expect(await fault(s.call('metaWeblog.newPost', b, ...author, post({ sticky: false }), true))).toEqual([
      401,
      'Sorry, you are not allowed to make posts sticky.',
    ])
    const id = await s.call('metaWeblog.newPost', b, ...author, post({ wp_password: 'x' }), true)
    expect(await s.call('metaWeblog.getPost', id, ...author)).toMatchObject({ wp_password: 'x', sticky: false })
  })
})
