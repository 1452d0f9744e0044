import { ProtocolError } from '../../xmlrpc/errors'
import { isStruct } from '../../xmlrpc/get-member'
import { describe } from '../call-server'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'
import { wireOf, type PostId } from './post-id'
import { readPost, type FetchedPost } from './read-post'

/** metaWeblog.getPost(postid, username, password): the post as the server has it now. */
export async function getPost(
  login: Omit<BlogLogin, 'blogid'>,
  postid: PostId | string | number,
  opts: BlogCallOpts = {},
): Promise<FetchedPost> {
  const method = 'metaWeblog.getPost'
  const answer = await callBlog(login, method, [wireOf(postid), login.username, login.password], opts)
  if (!isStruct(answer))
    throw new ProtocolError(
      `${method} answered with ${describe(answer)} where a struct was expected.`,
      {},
      login.client.url,
    )
  return readPost(answer, login.timeZone ?? 'UTC', method, login.client.url)
}
