import { ProtocolError } from '../../xmlrpc/errors'
import { getMember, isStruct } from '../../xmlrpc/get-member'
import { struct, type XmlRpcStruct, type XmlRpcValue } from '../../xmlrpc/values'
import { describe } from '../call-server'
import { readString } from '../read-members'
import { isMethodNotFound } from '../unsupported'
import { BlogFault } from './blog-fault'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'
import { readPost, type FetchedPost } from './read-post'

/**
 * The newest `count` posts, newest first: metaWeblog.getRecentPosts, or blogger.getRecentPosts on
 * an engine without MetaWeblog. WordPress's blogger.getRecentPosts faults ("Either there are no
 * posts, or something went wrong.") where metaWeblog's answers [], so that fault means [].
 */
export async function getRecentPosts(login: BlogLogin, count: number, opts: BlogCallOpts = {}): Promise<FetchedPost[]> {
  try {
    const answer = await callBlog(
      login,
      'metaWeblog.getRecentPosts',
      [login.blogid, login.username, login.password, count],
      opts,
    )
    return postsOf(answer, login, 'metaWeblog.getRecentPosts', (s) => s)
  } catch (e) {
    if (!isMethodNotFound(e)) throw e
  }
  return bloggerRecentPosts(login, count, opts)
}

export async function bloggerRecentPosts(
  login: BlogLogin,
  count: number,
  opts: BlogCallOpts = {},
): Promise<FetchedPost[]> {
  const method = 'blogger.getRecentPosts'
  let answer: XmlRpcValue
  try {
    answer = await callBlog(
      login,
      method,
      [login.appKey ?? '', login.blogid, login.username, login.password, count],
      opts,
    )
  } catch (e) {
    if (e instanceof BlogFault && e.faultKind === 'other' && /no posts/i.test(e.faultString)) return []
    throw e
  }
  // Blogger's shape: {postid, dateCreated, userid, content}, the title inside content as <title>.
  return postsOf(answer, login, method, (s) => {
    const content = readString(s, 'content') ?? ''
    const title = /<title>([\s\S]*?)<\/title>/i.exec(content)
    return struct({ ...s, title: title?.[1] ?? '', description: title ? content.replace(title[0], '') : content })
  })
}

function postsOf(
  answer: XmlRpcValue,
  login: BlogLogin,
  method: string,
  shape: (s: XmlRpcStruct) => XmlRpcStruct,
): FetchedPost[] {
  if (!Array.isArray(answer))
    throw new ProtocolError(
      `${method} answered with ${describe(answer)} where an array was expected.`,
      {},
      login.client.url,
    )
  return answer
    .filter((s) => isStruct(s) && getMember(s, 'postid') !== undefined)
    .map((s) => readPost(shape(s as XmlRpcStruct), login.timeZone ?? 'UTC', method, login.client.url))
}
