import type { BlogPostSummary, Draft } from '../../../../shared/model'
import { getPost } from '../../../protocols/blog/get-post'
import { getRecentPosts } from '../../../protocols/blog/recent-posts'
import { blogLoginFor, blogZoneOf } from '../blog-login'
import { draftInputOfPost, postBaseOf } from '../blog-post-draft'
import type { AppContext } from '../../core/context'
import { announce } from '../../drafts/draft-saved'
import { failWith } from '../../core/failure'
import { isMsgnum } from '../../discussion/msgnum-input'
import { serverCall } from '../../accounts/server-call'
import { object, string } from '../../core/validate'

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
export async function recentPosts(ctx: AppContext, input: unknown): Promise<BlogPostSummary[]> {
  const o = object(input)
  const account = ctx.account(string(o, 'accountId', { max: 200 }))
  const count = o.count === undefined ? 20 : o.count
  if (!Number.isSafeInteger(count) || (count as number) < 1 || (count as number) > 200)
    return failWith('invalid-input', '"count" must be a whole number from 1 to 200.', { field: 'count' })
  const login = await blogLoginFor(ctx, account, 'Listing posts')
  const posts = await serverCall(account, 'metaWeblog.getRecentPosts', () => getRecentPosts(login, count as number))
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
export async function openPost(ctx: AppContext, input: unknown): Promise<Draft> {
  const o = object(input)
  const account = ctx.account(string(o, 'accountId', { max: 200 }))
  if (!isMsgnum(o.postid))
    return failWith('invalid-input', '"postid" must be the post id as the blog gave it (a number or printable text).', {
      field: 'postid',
    })
  const postid = o.postid
  const login = await blogLoginFor(ctx, account, 'Opening a post from the blog')
  const open = (await openDrafts(ctx, account.id)).get(String(postid).trim())
  if (open) return open
  const post = await serverCall(account, 'metaWeblog.getPost', () => getPost(login, postid))
  const draft = await ctx.drafts.save(draftInputOfPost(post, account.id, blogZoneOf(account)), {
    base: postBaseOf(post, new Date()),
  })
  return announce(ctx, draft)
}
