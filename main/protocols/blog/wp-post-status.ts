import { isStruct } from '../../xmlrpc/get-member'
import { readString } from '../read-members'
import { offers, UnsupportedError } from '../unsupported'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'
import { wireOf, type PostId } from './post-id'

/**
 * The post's status as WordPress's own API reports it (wp.getPost, fields post_status):
 * its answer is kept apart from the struct metaWeblog.getPost gives. Tried unless the server's method list
 * lacks it (blog accounts rarely carry one); undefined where it is not offered or does not say.
 */
export async function wpPostStatus(
  login: BlogLogin,
  postid: PostId | string | number,
  opts: BlogCallOpts = {},
): Promise<string | undefined> {
  if (offers(login.profile, 'wp.getPost') === false) return undefined
  try {
    const answer = await callBlog(
      login,
      'wp.getPost',
      [login.blogid, login.username, login.password, wireOf(postid), ['post_status']],
      opts,
    )
    return isStruct(answer) ? readString(answer, 'post_status') : undefined
  } catch (e) {
    if (e instanceof UnsupportedError) return undefined
    throw e
  }
}
