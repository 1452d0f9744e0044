import type { Input } from '../../../../shared/api'
import type { BlogPostSummary, Draft } from '../../../../shared/model'
import { getPost } from '../../../protocols/blog/get-post'
import { getRecentPosts } from '../../../protocols/blog/recent-posts'
import { blogLoginFor, blogZoneOf } from '../blog-login'
import { draftInputOfPost, postBaseOf } from '../blog-post-draft'
import type { AppContext } from '../../core/context'
import { announce } from '../../drafts/draft-saved'
import { serverCall } from '../../accounts/server-call'

/** post id (as a string) → the local draft holding it, for this account. */
async function openDrafts(ctx: AppContext, accountId: string): Promise<Map<string, Draft>> {
  const open = new Map<string, Draft>()
  for (const s of await ctx.drafts.list({ accountId, kind: 'post' })) {
    const d = await ctx.drafts.get(s.id).catch(() => undefined)
    if (d?.base?.post && !open.has(d.base.post.id)) open.set(d.base.post.id, d)
  }
  return open
}

/** The newest posts on the blog (metaWeblog.getRecentPosts), each with its local draft when one is open. */
export async function recentPosts(ctx: AppContext, input: Input<'blog.recentPosts'>): Promise<BlogPostSummary[]> {
  const account = ctx.account(input.accountId)
  const count = input.count ?? 20
  const login = await blogLoginFor(ctx, account, 'Listing posts')
  const posts = await serverCall(account, 'metaWeblog.getRecentPosts', () => getRecentPosts(login, count))
  const open = await openDrafts(ctx, account.id)
  return posts.map((p) => {
    const draftId = open.get(p.id)?.id
    return {
      id: p.id,
      wireId: p.wireId,
      title: p.title,
      status: p.status,
      dateCreated: p.dateCreated,
      link: p.link,
      ...(draftId ? { draftId } : {}),
    }
  })
}

/**
 * metaWeblog.getPost → a local draft keeping the server copy as its base, in one durable write, so
 * its first publish is an edit of that post (compared with the blog first), never a second post.
 * A post already open answers its draft: local edits are never replaced by a second fetch.
 */
export async function openPost(ctx: AppContext, input: Input<'blog.openPost'>): Promise<Draft> {
  const account = ctx.account(input.accountId)
  const { postid } = input // exactly as the blog gave it
  const login = await blogLoginFor(ctx, account, 'Opening a post from the blog')
  const open = (await openDrafts(ctx, account.id)).get(String(postid).trim())
  if (open) return open
  const post = await serverCall(account, 'metaWeblog.getPost', () => getPost(login, postid))
  const draft = await ctx.drafts.save(draftInputOfPost(post, account.id, blogZoneOf(account)), {
    base: postBaseOf(post, new Date()),
  })
  return announce(ctx, draft)
}
