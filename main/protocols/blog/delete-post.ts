import { ProtocolError } from '../../xmlrpc/errors'
import { describe } from '../call-server'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogCredentials } from './blog-login'
import { wireOf, type PostId } from './post-id'

/**
 * blogger.deletePost(appkey, postid, username, password, publish). WordPress moves the post to
 * the trash (where getPost still finds it, post_status "trash"); other engines delete it.
 */
export async function deletePost(
  c: BlogCredentials,
  postid: PostId | string | number,
  opts: BlogCallOpts = {},
): Promise<void> {
  const method = 'blogger.deletePost'
  const answer = await callBlog(c, method, [c.appKey ?? '', wireOf(postid), c.username, c.password, true], opts)
  if (answer === false || answer === 0)
    throw new ProtocolError(
      `${method} answered ${describe(answer)}: the server did not delete the post.`,
      {},
      c.client.url,
    )
}
