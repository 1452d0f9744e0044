import { XmlRpcFault } from '../xmlrpc/fault'
import type { XmlRpcValue } from '../xmlrpc/values'
import type { SandboxContext } from './context'
import type { Blog, BlogPost, BlogStore } from './blog-store'
import type { Member } from './members'
import { str } from './params'

/** WordPress's fault codes, so clients meet the same refusals here as on a real blog. */
export const BlogFaultCode = { notAllowed: 401, badLogin: 403, notFound: 404, failed: 500 } as const

/**
 * Who may do what: members sign in with e-mail and clear password; each has one blog (its blogid
 * is the usernum) and may touch only its own posts. Ids are read as WordPress reads them, an int
 * or a string of digits, so a client echoing either form works.
 */
export class BlogAccess {
  /** Runs before each signed-in call: WordPress's cron, which publishes scheduled posts whose time came. */
  beforeCall?: (blog: Blog) => Promise<void>

  constructor(
    private readonly ctx: SandboxContext,
    private readonly store: BlogStore,
  ) {}

  async signIn(
    username: XmlRpcValue | undefined,
    password: XmlRpcValue | undefined,
  ): Promise<{ member: Member; blog: Blog }> {
    const member = this.ctx.members.signIn(str('username', username), str('password', password))
    // WordPress's exact words and code: a client must treat this as a refused login, never retry it.
    if (!member) throw new XmlRpcFault(BlogFaultCode.badLogin, 'Incorrect username or password.')
    const blog = await this.store.blogOf(member)
    await this.beforeCall?.(blog)
    return { member, blog }
  }

  ownBlog(own: Blog, blogid: XmlRpcValue | undefined): Blog {
    const wanted = idText(blogid)
    if (wanted !== null && wanted === idText(own.id)) return own
    if (wanted !== null && this.store.blogs().some((b) => idText(b.id) === wanted))
      throw new XmlRpcFault(
        BlogFaultCode.notAllowed,
        `Sorry, you are not allowed to post on blog ${wanted}; yours is ${own.id}.`,
      )
    throw new XmlRpcFault(
      BlogFaultCode.notFound,
      `There is no blog ${String(blogid)} here; yours is ${own.id} (blogger.getUsersBlogs lists it).`,
    )
  }

  ownPost(own: Blog, postid: XmlRpcValue | undefined): BlogPost {
    const id = idText(postid)
    const post = id === null ? undefined : this.store.post(Number(id))
    if (!post) throw new XmlRpcFault(BlogFaultCode.notFound, 'Invalid post ID.')
    if (post.blogId !== own.id)
      throw new XmlRpcFault(BlogFaultCode.notAllowed, 'Sorry, you are not allowed to edit this post.')
    return post
  }
}

// Numeric ids compare as numbers: usernums have leading zeros, and WordPress casts ids to int.
function idText(v: XmlRpcValue | undefined): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return String(Number(v))
  return null
}
