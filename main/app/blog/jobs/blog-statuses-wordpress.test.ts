import { afterAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { BlogFault } from '../../../protocols/blog/blog-fault'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { deletePost } from '../../../protocols/blog/delete-post'
import { editPost } from '../../../protocols/blog/edit-post'
import { newPost as sendNewPost } from '../../../protocols/blog/new-post'
import { findWordPress, queryWordPress } from '../../../protocols/blog/testing/wordpress-env'
import { getRoles } from '../../../protocols/blog/wp-profile'
import { statusRefusal } from './blog-status-gate'

// Every status, sticky and password, sent as the publish job sends them, checked in WordPress's
// own database (wp_posts.post_status / post_password, the sticky_posts option).
const found = await findWordPress()
if (!('env' in found)) it.skip(found.skip, () => {})
else {
  const env = found.env
  const loginOf = (username: string, password: string): BlogLogin => ({
    client: createXmlRpcClient(env.url),
    username,
    password,
    blogid: '1',
    timeZone: env.timeZone,
  })
  const row = async (id: string) => {
    const [r] = (await queryWordPress(
      env,
      `SELECT JSON_OBJECT('status', post_status, 'password', post_password) FROM wp_posts WHERE ID = ${Number(id)}`,
    )) as { status: string; password: string }[]
    return r
  }
  const sticky = async (id: string) => {
    const [v] = await queryWordPress(
      env,
      `SELECT JSON_QUOTE(option_value) FROM wp_options WHERE option_name = 'sticky_posts'`,
    )
    return new RegExp(`i:\\d+;i:${Number(id)};`).test(String(v))
  }
  const title = (s: string) => `Status proof ${s} ${Date.now()}`
  // Every post made here goes to the trash afterwards: left behind, the 2031-dated ones would sit
  // on top of every later run's getRecentPosts and crowd out the posts other suites look for.
  const made: { login: BlogLogin; id: unknown }[] = []
  const newPost = async (...args: Parameters<typeof sendNewPost>) => {
    const posted = await sendNewPost(...args)
    made.push({ login: args[0], id: posted.wire })
    return posted
  }
  afterAll(async () => {
    for (const { login, id } of made) await deletePost(login, id as string).catch(() => {})
  })

  describe.runIf(env.admin)('WordPress statuses as an Administrator', () => {
    const admin = () => loginOf(env.admin!.username, env.admin!.password)
    it('sticky, password, private, pending and scheduled land as sent', async () => {
      const login = admin()
      expect(statusRefusal({ sticky: true }, (await getRoles(login)) ?? null)).toBeUndefined()
      const a = await newPost(login, { title: title('sticky'), description: '<p>a</p>', sticky: true }, true)
      expect(await row(a.wire as string)).toEqual({ status: 'publish', password: '' })
      expect(await sticky(String(a.wire))).toBe(true)
      // Unstuck and given a password on edit: the writer set both.
      await editPost(login, a.wire, { title: title('sticky'), description: '<p>a</p>', sticky: false }, true)
      expect(await sticky(String(a.wire))).toBe(false)
      await editPost(login, a.wire, { title: title('pw'), description: '<p>a</p>', password: 'open sesame' }, true)
      expect(await row(String(a.wire))).toEqual({ status: 'publish', password: 'open sesame' })
      await editPost(login, a.wire, { title: title('pw'), description: '<p>a</p>', password: '' }, true)
      expect((await row(String(a.wire))).password).toBe('')
      const p = await newPost(login, { title: title('private'), description: '<p>p</p>', status: 'private' }, true)
      expect((await row(String(p.wire))).status).toBe('private')
      const r = await newPost(login, { title: title('pending'), description: '<p>r</p>', status: 'pending' }, false)
      expect((await row(String(r.wire))).status).toBe('pending')
      const when = { wall: '2031-05-04T09:30', zone: 'UTC' }
      const f = await newPost(login, { title: title('future'), description: '<p>f</p>', date: when }, true)
      expect((await row(String(f.wire))).status).toBe('future')
      const d = await newPost(login, { title: title('draft'), description: '<p>d</p>' }, false)
      expect((await row(String(d.wire))).status).toBe('draft')
    })
  })

  describe('WordPress statuses as an Author', () => {
    const author = () => loginOf(env.username, env.password)
    it('a merely present sticky: false is refused with 401, which the gate says beforehand; private and a password go', async () => {
      const login = author()
      const roles = (await getRoles(login)) ?? null
      expect(roles).toEqual(['author'])
      expect(statusRefusal({ sticky: false }, roles)).toMatch(/Author.*Sticky/)
      const refused = await newPost(
        login,
        { title: title('author'), description: '<p>x</p>', sticky: false },
        true,
      ).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(BlogFault)
      expect((refused as BlogFault).faultCode).toBe(401)
      // Without the member the same post goes: the job leaves sticky out unless the writer set it.
      expect(statusRefusal({ status: 'private', password: 'pw' }, roles)).toBeUndefined()
      const p = await newPost(login, { title: title('author'), description: '<p>x</p>', status: 'private' }, true)
      expect((await row(String(p.wire))).status).toBe('private')
      const w = await newPost(login, { title: title('author pw'), description: '<p>x</p>', password: 'pw' }, true)
      expect(await row(String(w.wire))).toEqual({ status: 'publish', password: 'pw' })
    })
  })
}
