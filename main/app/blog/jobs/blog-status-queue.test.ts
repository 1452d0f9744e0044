import { expect, it } from 'vitest'
import { getPost } from '../../../protocols/blog/get-post'
import { blogQueue } from '../testing/blog-queue'

const post = (title: string, more = {}) => ({ title, description: `<p>${title}</p>`, publish: true, ...more })

it('through the queue: a sticky post lands sticky; sticky and private together are refused before anything is sent', async () => {
  const t = await blogQueue()
  const stuck = await t.queue('blog.newPost', post('Pinned', { sticky: true, password: '' }))
  expect(stuck()).toMatchObject({ state: 'done' })
  expect(t.methods).toContain('wp.getProfile') // the role was learned before sticky went
  const id = stuck().result!.msgnum!
  expect(await t.login.client.call('metaWeblog.getPost', [id, t.login.username, t.login.password])).toMatchObject({
    sticky: true,
    wp_password: '',
  })
  const sent = t.methods.filter((m) => m === 'metaWeblog.newPost').length
  const refused = await t.queue('blog.newPost', post('Both', { sticky: true, status: 'private' }))
  expect(refused()).toMatchObject({ state: 'needs-attention', error: { kind: 'invalid-input' } })
  expect(refused().error!.message).toMatch(/private or password-protected post be sticky/)
  expect(t.methods.filter((m) => m === 'metaWeblog.newPost')).toHaveLength(sent)
  expect((await getPost(t.login, id)).status).toBe('publish')
})
