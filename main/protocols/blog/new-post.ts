import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'
import { postIdOf, type PostId } from './post-id'
import { postStruct, type BlogPostInput } from './post-struct'

/**
 * metaWeblog.newPost(blogid, username, password, struct, publish) → the new post's id. `publish`
 * false saves a draft on the server. Not idempotent: when the answer is lost the post may exist,
 * so callers look for it (getRecentPosts) rather than send it again.
 */
export async function newPost(
  login: BlogLogin,
  post: BlogPostInput,
  publish: boolean,
  opts: BlogCallOpts = {},
): Promise<PostId> {
  const method = 'metaWeblog.newPost'
  const answer = await callBlog(
    login,
    method,
    [login.blogid, login.username, login.password, postStruct(post, login.timeZone), publish],
    opts,
  )
  return postIdOf(answer, method, login.client.url)
}
