import { appError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { getPost } from '../../../protocols/blog/get-post'
import { changedFields } from '../../../protocols/blog/post-conflict'
import type { BlogPostInput } from '../../../protocols/blog/post-struct'
import type { PostSnapshot } from '../../../protocols/blog/read-post'
import { zonedToDate } from '../../../protocols/blog/zoned-time'
import type { Outcome } from '../../../queue/outcome'
import { serverPostOf } from '../blog-post-draft'
import type { PerformerDeps } from '../../core/performer-deps'

/**
 * Before editPost overwrites a post the draft has a base for: fetch it again; if fields changed
 * on the blog since the base (and the blog does not simply hold this job's own text — a retry
 * after our save whose answer was lost), record their copy on the draft as a conflict and stop
 * for the person. Undefined: go ahead. (A change between this look and the save is not caught:
 * MetaWeblog has no conditional save.)
 */
export async function conflictBeforeEdit(
  deps: PerformerDeps,
  login: BlogLogin,
  job: Job,
  sending: BlogPostInput,
  signal: AbortSignal,
): Promise<Extract<Outcome, { kind: 'attention' }> | undefined> {
  const postid = job.post?.postid
  const draft = await deps.draft(job.draftId)
  const base = draft?.base?.post
  if (!draft || !base || postid === undefined || draft.accountId !== job.accountId || base.id !== String(postid))
    return undefined
  const theirs = await getPost(login, base.wireId, { signal })
  const changed = changedFields(base, theirs)
  if (changed.length === 0 || changedFields(asSent(base, sending), theirs).length === 0) return undefined
  const conflict = {
    detectedAt: deps.now().toISOString(),
    theirs: { title: theirs.title, body: theirs.description, post: serverPostOf(theirs) },
    changed,
  }
  // Nothing is overwritten either way; without the record the person still sees the job's reason.
  await deps.amendDraft?.(draft.id, { conflict }).catch(() => {})
  const what = changed.map((f) => (f === 'description' ? 'text' : f === 'keywords' ? 'tags' : f)).join(', ')
  return {
    kind: 'attention',
    error: appError(
      'conflict',
      `“${theirs.title}” changed on the blog since you opened it (${what}). Nothing was saved: compare the versions, choose, then publish again.`,
      { postid: String(postid), draftId: draft.id, changed },
    ),
  }
}

/** The base as it would be had this job's save already gone through. */
function asSent(base: PostSnapshot, s: BlogPostInput): PostSnapshot {
  return {
    ...base,
    title: s.title,
    description: s.description,
    categories: s.categories ?? base.categories,
    keywords: s.keywords ?? base.keywords,
    excerpt: s.excerpt ?? base.excerpt,
    slug: s.slug ?? base.slug,
    status: null, // publish or draft is the job's to set; the blog's word for it varies
    dateCreated: s.date ? zonedToDate(s.date).toISOString() : base.dateCreated,
  }
}
