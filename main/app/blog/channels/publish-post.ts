import type { Account, Draft, Job, JobPost } from '../../../../shared/model'
import { zonedToDate } from '../../../protocols/blog/zoned-time'
import { InvalidInputError } from '../../../protocols/invalid-input-error'
import { newJob } from '../../../queue/new-job'
import { linkedAttachments } from '../blog-attachments'
import { postedIdOf } from '../blog-posted-id'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { renderBody } from '../../drafts/render-body'

/**
 * A post not yet on the blog → blog.newPost (at most once); one already posted, or opened from the
 * blog → blog.editPost of that post. The body goes rendered (Markdown → HTML, as the preview
 * shows it); the attached files it links to by name go up with it (job.files).
 */
export function blogPostJob(
  ctx: AppContext,
  draft: Draft,
  account: Account,
  opts: { submitForReview?: boolean } = {},
): Job {
  if (account.blogId === undefined)
    return failWith(
      'invalid-input',
      `The account "${account.name}" has no blog chosen. Pick one in Accounts, then publish again.`,
      { field: 'blogId' },
    )
  const mine = ctx.jobs.list().filter((j) => j.draftId === draft.id && j.accountId === account.id)
  const pending = mine.find((j) => j.action === 'blog.newPost' && j.state !== 'done' && j.state !== 'cancelled')
  if (pending)
    return failWith(
      'conflict',
      `This post is already in the queue (${pending.state}). Wait until it is on the blog — publishing again then saves your edits to it — or cancel it first.`,
      { jobId: pending.id },
    )
  if (draft.conflict)
    return failWith(
      'conflict',
      'This post changed on the blog since you opened it. Resolve the conflict (mine, theirs or merged) before publishing.',
    )
  const posted = postedIdOf(draft, account, ctx.jobs.list())
  const post = jobPostOf(draft, account, posted)
  // Pending, sent explicitly: WordPress lets a Contributor submit what it refuses to publish.
  if (opts.submitForReview) Object.assign(post, { status: 'pending', publish: false })
  const files = linkedAttachments(post.description, draft.enclosures)
  const title = draft.title.trim() || '(untitled)'
  const label =
    opts.submitForReview || (posted === undefined && post.status === 'pending')
      ? `Submit “${title}” for review on ${account.name}`
      : posted !== undefined
        ? `Update “${title}” on ${account.name}`
        : post.publish
          ? `Publish “${title}” to ${account.name}`
          : `Save “${title}” as a draft on ${account.name}`
  const job = newJob({
    action: posted !== undefined ? 'blog.editPost' : 'blog.newPost',
    draftId: draft.id,
    accountId: account.id,
    label,
    note: `revision ${draft.revision}`,
    ...(files.length > 0 ? { files } : {}),
  })
  return { ...job, post }
}

/**
 * What the blog gets. An edit sends every field the draft has (an emptied excerpt clears it), but
 * never an empty slug: WordPress would make a new one and the post's address would change.
 */
function jobPostOf(draft: Draft, account: Account, posted: string | number | undefined): JobPost {
  const post: JobPost = {
    title: draft.title,
    description: renderBody(draft.format, draft.body),
    publish: draft.postStatus !== 'draft',
  }
  const editing = posted !== undefined
  if (draft.categories && (editing || draft.categories.length > 0)) post.categories = draft.categories
  if (draft.tags && (editing || draft.tags.length > 0)) post.keywords = draft.tags
  if (draft.excerpt !== undefined && (editing || draft.excerpt !== '')) post.excerpt = draft.excerpt
  if (draft.slug) post.slug = draft.slug
  if (draft.postDate) {
    try {
      zonedToDate(draft.postDate) // refused now, not after a trip through the queue
    } catch (e) {
      if (e instanceof InvalidInputError) return failWith('invalid-input', e.message, { field: 'postDate' })
      throw e
    }
    post.date = draft.postDate
  }
  // WordPress turns an edit with publish true into a public post: a private one stays private.
  if (editing && post.publish && draft.accountId === account.id && draft.base?.post?.status === 'private')
    post.status = 'private'
  // Pending and private are the writer's choice, sent as post_status (publish false for pending: a
  // Contributor may submit what it may not publish). Sticky and password only when the writer set them.
  if (draft.postStatus === 'pending') Object.assign(post, { status: 'pending', publish: false })
  if (draft.postStatus === 'private') post.status = 'private'
  if (draft.sticky !== undefined) post.sticky = draft.sticky
  if (draft.postPassword !== undefined) post.password = draft.postPassword
  if (editing) post.postid = posted
  return post
}

/**
 * A publish the blog refused for the account's role (nothing was posted: the server said no) gives
 * way to the writer's "Submit for review": it is cancelled, so the pending one can be queued.
 */
export async function cancelRefusedPublish(ctx: AppContext, draft: Draft, account: Account): Promise<void> {
  const refused = ctx.jobs
    .list()
    .filter(
      (j) =>
        j.draftId === draft.id &&
        j.accountId === account.id &&
        j.state === 'needs-attention' &&
        j.error?.details?.choice === 'submitForReview',
    )
  for (const j of refused) await ctx.publisher.act(j.id, 'cancel')
}

/** blogger.deletePost for the post the draft stands for on this account. */
export function deletePostJob(ctx: AppContext, draft: Draft, account: Account): Job {
  const mine = ctx.jobs
    .list()
    .filter(
      (j) => j.draftId === draft.id && j.accountId === account.id && j.state !== 'done' && j.state !== 'cancelled',
    )
  if (mine.length > 0)
    return failWith(
      'conflict',
      `This post still has a job in the queue (${mine[0].state}). Let it finish or cancel it, then delete.`,
      { jobId: mine[0].id },
    )
  const posted = postedIdOf(draft, account, ctx.jobs.list())
  if (posted === undefined)
    return failWith(
      'not-found',
      `This draft is not on “${account.name}” (never published there, or already deleted): there is nothing to delete.`,
    )
  const title = draft.title.trim() || '(untitled)'
  const job = newJob({
    action: 'blog.deletePost',
    draftId: draft.id,
    accountId: account.id,
    label: `Delete “${title}” from ${account.name}`,
    note: `post ${posted}`,
  })
  return { ...job, post: { title: draft.title, description: '', publish: false, postid: posted } }
}
