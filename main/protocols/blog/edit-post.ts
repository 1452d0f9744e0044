import { ProtocolError } from '../../xmlrpc/errors'
import { describe } from '../call-server'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'
import { wireOf, type PostId } from './post-id'
import { postStruct, type BlogPostInput } from './post-struct'

/**
 * metaWeblog.editPost(postid, username, password, struct, publish) → true. Members absent from
 * `post` are left as they are on the server. Idempotent: sending it twice changes nothing more.
 */
export async function editPost(
  login: BlogLogin,
  postid: PostId | string | number,
  post: BlogPostInput,
  publish: boolean,
  opts: BlogCallOpts = {},
): Promise<void> {
  const method = 'metaWeblog.editPost'
  const answer = await callBlog(
    login,
    method,
    [wireOf(postid), login.username, login.password, postStruct(post, login.timeZone), publish],
    opts,
  )
  // Some engines answer the post id or 1 instead of true; only a false means "not done".
  if (answer === false || answer === 0)
    throw new ProtocolError(
      `${method} answered ${describe(answer)}: the server did not save the post.`,
      {},
      login.client.url,
    )
}
