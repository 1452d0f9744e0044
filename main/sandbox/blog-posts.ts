import { XmlRpcFault } from '../xmlrpc/fault'
import { BlogFaultCode } from './blog-access'
import type { SandboxContext } from './context'
import {
  categoryIds,
  filterContent,
  isLive,
  sanitizeSlug,
  statusFor,
  uniqueSlug,
  type PostChanges,
} from './blog-post-fields'
import type { BlogPages } from './blog-pages'
import { postBytes, type Blog, type BlogPost, type BlogStore } from './blog-store'
import type { Member } from './members'
import { encodeTitle, ksesPost, mayPostUnfilteredHtml, roleOf } from './blog-roles'

/** Creating, editing and trashing posts, with WordPress's rules, and the pages kept in step. */
export class BlogPosts {
  constructor(
    private readonly ctx: SandboxContext,
    private readonly store: BlogStore,
    private readonly pages: BlogPages,
  ) {}

  async create(blog: Blog, member: Member, changes: PostChanges, publish: boolean): Promise<BlogPost> {
    const now = this.ctx.now()
    const date = changes.date ?? now
    mayPublish(member, statusFor(changes.status, publish, date, now))
    const post: BlogPost = {
      id: this.store.nextId(),
      blogId: blog.id,
      author: member.email,
      title: this.title(member, changes.title ?? ''),
      content: this.content(member, changes.content ?? ''),
      excerpt: changes.excerpt ?? '',
      slug: '',
      status: statusFor(changes.status, publish, date, now),
      ...stickyAndPassword(member, changes, { status: statusFor(changes.status, publish, date, now) }),
      categoryIds: categoryIds(blog, changes.categories ?? []),
      tags: changes.tags ?? [],
      date: date.toISOString(),
      modified: now.toISOString(),
    }
    post.slug = this.slugFor(blog, post, changes.slug)
    return this.commit(blog, post)
  }

  /** Like WordPress's editPost: `publish` false without a post_status makes the post a draft again. */
  async update(blog: Blog, post: BlogPost, changes: PostChanges, publish: boolean, member?: Member): Promise<BlogPost> {
    const now = this.ctx.now()
    const date = changes.date ?? new Date(post.date)
    if (member) mayPublish(member, statusFor(changes.status, publish, date, now))
    const next: BlogPost = {
      ...post,
      title: changes.title === undefined ? post.title : this.title(member, changes.title),
      content: changes.content === undefined ? post.content : this.content(member, changes.content),
      excerpt: changes.excerpt ?? post.excerpt,
      status: statusFor(changes.status, publish, date, now),
      categoryIds: changes.categories ? categoryIds(blog, changes.categories) : post.categoryIds,
      tags: changes.tags ?? post.tags,
      date: date.toISOString(),
      modified: now.toISOString(),
    }
    Object.assign(next, stickyAndPassword(member, changes, next))
    next.slug = this.slugFor(blog, next, changes.slug)
    return this.commit(blog, next)
  }

  /** Scheduled posts whose time came go live, as WordPress's cron publishes them on the next visit. */
  async publishDue(blog: Blog): Promise<void> {
    const now = this.ctx.now()
    for (const p of this.store.postsOf(blog.id))
      if (p.status === 'future' && Date.parse(p.date) <= now.getTime())
        await this.commit(blog, { ...p, status: 'publish' })
  }

  /** blogger.deletePost: to the trash, as WordPress does (getPost still finds it there). */
  async trash(blog: Blog, post: BlogPost): Promise<void> {
    await this.commit(blog, { ...post, status: 'trash', modified: this.ctx.now().toISOString() })
  }

  // Scripts never run on sandbox pages; without unfiltered_html, kses filtering and encoded titles too.
  private content(member: Member | undefined, html: string): string {
    const filtered = filterContent(html)
    return member && !mayPostUnfilteredHtml(roleOf(member)) ? ksesPost(filtered) : filtered
  }

  private title(member: Member | undefined, title: string): string {
    return member && !mayPostUnfilteredHtml(roleOf(member)) ? encodeTitle(title) : title
  }

  // Given slugs are cleaned; otherwise the title's, once published (drafts keep '' like WordPress).
  private slugFor(blog: Blog, post: BlogPost, asked: string | undefined): string {
    const given = asked !== undefined ? sanitizeSlug(asked) : post.slug
    if (given === '' && (post.status === 'draft' || post.status === 'pending')) return ''
    const others = this.store.postsOf(blog.id).filter((p) => p.id !== post.id && isLive(p))
    return uniqueSlug(given || sanitizeSlug(post.title), (slug) => others.some((p) => p.slug === slug))
  }

  private async commit(blog: Blog, post: BlogPost): Promise<BlogPost> {
    const previous = this.store.post(post.id)
    const more = postBytes(post) - (previous ? postBytes(previous) : 0)
    const used = this.ctx.files.bytesInUse(blog.id)
    if (more > 0 && used + more > this.ctx.limits.maxBytesPerUser)
      throw new XmlRpcFault(
        BlogFaultCode.failed,
        `This post would take you to ${used + more} bytes; your quota is ${this.ctx.limits.maxBytesPerUser} bytes (posts, media, files and messages together).`,
      )
    await this.store.putPost(post)
    await this.pages.publish(blog, post)
    return post
  }
}

/**
 * WordPress's _toggle_sticky: a private or password-protected post cannot be sticky (an edit
 * silently unsticks it), and any sticky member at all from an account without edit_others_posts is
 * refused with 401, even sticky false.
 */
function stickyAndPassword(
  member: Member | undefined,
  changes: PostChanges,
  post: Pick<BlogPost, 'status' | 'password' | 'sticky'>,
): Pick<BlogPost, 'password' | 'sticky'> {
  const password = changes.password ?? post.password ?? ''
  const hidden = post.status === 'private' || password !== ''
  if (hidden && changes.sticky === true)
    throw new XmlRpcFault(BlogFaultCode.notAllowed, 'Sorry, you cannot stick a private post.')
  if (!hidden && changes.sticky !== undefined && member && roleOf(member) !== 'administrator')
    throw new XmlRpcFault(BlogFaultCode.notAllowed, 'Sorry, you are not allowed to make posts sticky.')
  return { password, sticky: hidden ? false : (changes.sticky ?? post.sticky ?? false) }
}

// WordPress's words and code when a Contributor asks for more than review: it may only submit.
function mayPublish(member: Member, status: string): void {
  if (roleOf(member) === 'contributor' && status !== 'draft' && status !== 'pending')
    throw new XmlRpcFault(BlogFaultCode.notAllowed, 'Sorry, you are not allowed to publish posts on this site.')
}
