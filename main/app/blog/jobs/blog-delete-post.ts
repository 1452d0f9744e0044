import { appError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import { BlogFault } from '../../../protocols/blog/blog-fault'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { deletePost } from '../../../protocols/blog/delete-post'
import { getPost } from '../../../protocols/blog/get-post'
import { outcomeOf } from '../../../queue/outcome'
import type { Performer } from '../../../queue/performer'
import { blogLoginOf } from '../blog-login'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'
import { recordOnDraft } from '../../queue/record-publish'
import { signIn } from '../../queue/sign-in'

/**
 * blogger.deletePost. Repeating it is not harmless everywhere (WordPress deletes for good what is
 * already in the trash), so each attempt first asks whether the post is still there: gone or in
 * the trash means a lost answer already did it. Then the draft forgets the post: publishing it
 * again makes a new one.
 */
export function blogDeletePostPerformer(deps: PerformerDeps): Performer {
  return {
    idempotent: true,
    async run(job, attempt) {
      const postid = job.post?.postid
      if (postid === undefined)
        return { kind: 'attention', error: appError('internal', 'This job names no post to delete.') }
      const who = await signIn(deps, job)
      if ('kind' in who) return who
      const login = blogLoginOf(who)
      if ('kind' in login) return login
      const context = { url: who.account.url, account: who.account.name }
      try {
        if (!(await alreadyGone(login, postid, attempt.signal)))
          await deletePost(login, postid, { signal: attempt.signal })
      } catch (e) {
        return outcomeOf(errorOf(e, { ...context, method: 'blogger.deletePost' }), true, deps.now())
      }
      const result = { msgnum: postid, members: { deleted: true } }
      await recordOnDraft(deps, job, result)
      await forgetPost(deps, job, postid)
      return { kind: 'done', result }
    },
  }
}

async function alreadyGone(login: BlogLogin, postid: string | number, signal: AbortSignal): Promise<boolean> {
  try {
    return (await getPost(login, postid, { signal })).status === 'trash'
  } catch (e) {
    if (e instanceof BlogFault && e.faultKind === 'not-found') return true
    throw e
  }
}

async function forgetPost(deps: PerformerDeps, job: Job, postid: string | number): Promise<void> {
  try {
    const draft = await deps.draft(job.draftId)
    if (draft?.base?.post?.id === String(postid)) await deps.amendDraft?.(job.draftId, { base: null })
  } catch {
    // The deletion is recorded on the draft and in the job: publishing looks there too.
  }
}
