import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { md5Hex } from './members'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

const QUOTA = 10_000
let t: OpenSandbox
const email = 'q@example.com'
beforeAll(
  async () => void (t = await openSandbox({ limits: { maxBytesPerUser: QUOTA }, users: [{ email, password: 'pw' }] })),
)
afterAll(() => t.close())

const post = (body: string) =>
  t.call('mainResponder.discuss.newMessage', 'sandbox', email, 'pw', 'T', body, 0) as Promise<{ msgnum: string }>

describe('the quota counts everything a member stores', () => {
  it('messages, enclosures, files and pages share one quota, and capabilities report it all', async () => {
    const m = await post('b'.repeat(6000))
    const enclosure = await t.fault(
      'mainResponder.discuss.attachEnclosure',
      'sandbox',
      email,
      'pw',
      m.msgnum,
      'image/png',
      Buffer.alloc(5000),
      'a.png',
    )
    expect(enclosure.faultString).toContain(`your quota is ${QUOTA} bytes`)
    await t.call(
      'mainResponder.discuss.attachEnclosure',
      'sandbox',
      email,
      'pw',
      m.msgnum,
      'image/png',
      Buffer.alloc(2000),
      'a.png',
    )
    const usernum = t.sandbox.members.byEmail(email)!.usernum
    const caps = (await t.call('xmlStorageSystem.getServerCapabilities', usernum, md5Hex('pw'))) as {
      ctBytesInUse: number
    }
    expect(caps.ctBytesInUse).toBe(6001 + 2000)
    const page = await t.fault('webHost.put', {
      username: email,
      password: 'pw',
      bytes: Buffer.alloc(2500),
      mimeType: 'text/plain',
      relativePath: 'p.txt',
    })
    expect(page.faultString).toContain('quota')
    const saved = await t.fault(
      'mainResponder.discuss.saveMessage',
      'sandbox',
      email,
      'pw',
      m.msgnum,
      'b'.repeat(9000),
      'T',
    )
    expect(saved.faultString).toContain('quota')
  })

  it('a stream of messages stops at the quota', async () => {
    const results = []
    for (let i = 0; i < 10; i++)
      results.push(
        await post('x'.repeat(900)).then(
          () => 'ok',
          (e: { faultString: string }) => e.faultString,
        ),
      )
    expect(results.filter((r) => r === 'ok').length).toBeLessThanOrEqual(2)
    expect(results.at(-1)).toContain('quota')
  })
})

describe('blog posts count too', () => {
  it('a post past the quota is refused; one within it is kept', async () => {
    const s = await openSandbox({
      limits: { maxBytesPerUser: 5000 },
      users: [{ email: 'b@example.com', password: 'pw' }],
    })
    try {
      const [blog] = (await s.call('blogger.getUsersBlogs', '', 'b@example.com', 'pw')) as { blogid: string }[]
      const newPost = (text: string) =>
        s.call('metaWeblog.newPost', blog.blogid, 'b@example.com', 'pw', { title: 'T', description: text }, false)
      await newPost('a'.repeat(1000))
      const refused = await s.fault(
        'metaWeblog.newPost',
        blog.blogid,
        'b@example.com',
        'pw',
        { title: 'T', description: 'z'.repeat(6000) },
        false,
      )
      expect(refused.faultString).toContain('quota is 5000 bytes')
      const usernum = s.sandbox.members.byEmail('b@example.com')!.usernum
      const caps = (await s.call('xmlStorageSystem.getServerCapabilities', usernum, md5Hex('pw'))) as {
        ctBytesInUse: number
      }
      expect(caps.ctBytesInUse).toBeGreaterThanOrEqual(1001)
    } finally {
      await s.close()
    }
  })
})
