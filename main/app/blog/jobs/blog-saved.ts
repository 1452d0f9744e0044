import type { Job } from '../../../../shared/model'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { getPost } from '../../../protocols/blog/get-post'
import type { FetchedPost } from '../../../protocols/blog/read-post'
import { postBaseOf } from '../blog-post-draft'
import type { PerformerDeps } from '../../core/performer-deps'
import { recordOnDraft } from '../../queue/record-publish'

type Result = NonNullable<Job['result']>

/**
 * After the blog took a post (newPost, editPost, or a lost newPost found again): the post as the
 * server now has it becomes the draft's base — fetched, not assumed, since WordPress filters HTML
 * and fills in slugs — and its link the job's URL. The post is on the server whatever happens
 * here: a failed look only costs the link, and a stale base one more comparison next time.
 */
export async function postSaved(
  deps: PerformerDeps,
  login: BlogLogin,
  job: Job,
  postid: string | number,
): Promise<Result> {
  const fetched = await getPost(login, postid).catch(() => undefined)
  const result: Result = { msgnum: postid, ...(fetched?.link ? { url: fetched.link } : {}) }
  await recordOnDraft(deps, job, result)
  if (fetched) await rebasePost(deps, job, fetched)
  return result
}

async function rebasePost(deps: PerformerDeps, job: Job, post: FetchedPost): Promise<void> {
  try {
    const draft = await deps.draft(job.draftId)
    // The base belongs to the draft's own account: a copy published elsewhere is not what it edits.
    if (!deps.amendDraft || !draft || draft.accountId !== job.accountId) return
    await deps.amendDraft(job.draftId, { base: postBaseOf(post, deps.now()) })
  } catch {
    // See above: nothing is lost.
  }
}
