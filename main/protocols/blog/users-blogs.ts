import { ProtocolError } from '../../xmlrpc/errors'
import { getMember, isStruct } from '../../xmlrpc/get-member'
import type { XmlRpcStruct } from '../../xmlrpc/values'
import { describe } from '../call-server'
import { readFlag, readString } from '../read-members'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogCredentials } from './blog-login'

export interface UsersBlog {
  /** As the server gave it (WordPress "1", others an int): BlogLogin.blogid takes it verbatim. */
  blogid: string | number
  blogName: string
  url: string
  /** The endpoint the server says serves this blog (WordPress sends it; a multisite's differs per blog). */
  xmlrpc: string | null
  isAdmin: boolean | null
  members: XmlRpcStruct
}

/** blogger.getUsersBlogs(appkey, username, password): the blogs this login may write to. */
export async function getUsersBlogs(c: BlogCredentials, opts: BlogCallOpts = {}): Promise<UsersBlog[]> {
  const method = 'blogger.getUsersBlogs'
  const answer = await callBlog(c, method, [c.appKey ?? '', c.username, c.password], opts)
  if (!Array.isArray(answer))
    throw new ProtocolError(
      `${method} answered with ${describe(answer)} where an array was expected.`,
      {},
      c.client.url,
    )
  return answer.filter(isStruct).flatMap((s) => {
    const id = getMember(s, 'blogid')
    if (typeof id !== 'string' && typeof id !== 'number') return []
    return [
      {
        blogid: id,
        blogName: readString(s, 'blogName') ?? '',
        url: readString(s, 'url') ?? '',
        xmlrpc: readString(s, 'xmlrpc') ?? null,
        isAdmin: readFlag(s, 'isAdmin') ?? null,
        members: s,
      },
    ]
  })
}
