import type { Job } from '../../../../shared/model'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { getPost } from '../../../protocols/blog/get-post'
import { keptReport, type SentPost } from '../../../protocols/blog/kept-report'
import type { FetchedPost } from '../../../protocols/blog/read-post'
import { wpPostStatus } from '../../../protocols/blog/wp-post-status'
import { postBaseOf } from '../blog-post-draft'
import type { PerformerDeps } from '../../core/performer-deps'
import { recordOnDraft } from '../../queue/record-publish'

type Result = NonNullable<Job['result']>

/**
 * After the blog took a post (newPost, editPost, or a lost newPost found again): the post as the
 * server now has it becomes the draft's base — fetched, not assumed, since WordPress filters HTML
 * and fills in slugs — and its link the job's URL. The post is on the server whatever happens
 * here: a failed look only costs the link, and a stale base one more comparison next time.
 * With `sent` (what this attempt sent), the read-back is compared with it field by field and the
 * report kept on the job and the draft, so "Done" never hides what the server did not keep.
 */
export async function postSaved(
  deps: PerformerDeps,
  login: BlogLogin,
  job: Job,
  postid: string | number,
  sent?: SentPost,
): Promise<Result> {
  const back = await readBack(login, postid)
  const fetched = back?.post
  const result: Result = { msgnum: postid, ...(fetched?.link ? { url: fetched.link } : {}) }
  if (back && sent) result.kept = keptReport(sent, back.post, back.wordPress ? 'WordPress' : 'The blog', deps.now())
  await recordOnDraft(deps, job, result)
  if (fetched) await rebasePost(deps, job, fetched)
  return result
}

// metaWeblog.getPost for every field, and wp.getPost's word for the status where it is offered.
async function readBack(
  login: BlogLogin,
  postid: string | number,
): Promise<{ post: FetchedPost; wordPress: boolean } | undefined> {
  const post = await getPost(login, postid).catch(() => undefined)
  if (!post) return undefined
  const status = await wpPostStatus(login, postid).catch(() => undefined)
  if (!status) return { post, wordPress: false }
  // WordPress 6.1's wp.getPost, like its metaWeblog.getPost, calls a scheduled post "publish"
  // (seen on the loopback WordPress): there readPost's date-aware status stands.
  return { post: status === 'publish' ? post : { ...post, status }, wordPress: true }
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
