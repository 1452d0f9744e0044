import { appError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import { newPost } from '../../../protocols/blog/new-post'
import type { PostId } from '../../../protocols/blog/post-id'
import { outcomeOf } from '../../../queue/outcome'
import type { Performer } from '../../../queue/performer'
import { lookUpSentPost } from './blog-find-sent'
import { ensureCategories } from './blog-categories'
import { statusGate } from './blog-status-gate'
import { blogLoginOf } from '../blog-login'
import { uploadJobMedia } from './blog-media'
import { postInputOf } from './blog-post-input'
import { publishRefused } from './blog-publish-refused'
import { postSaved } from './blog-saved'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'
import { recordOnDraft } from '../../queue/record-publish'
import { signIn } from '../../queue/sign-in'

/**
 * metaWeblog.newPost — not idempotent: sent at most once. Images go up first (the ledger makes
 * that safe to repeat); then the job is marked dispatched, durably, right before the post leaves.
 * A lost answer makes the job unknown, and the queue looks for the post on the blog (lookup) or
 * asks the person; it is never silently sent again.
 */
export function blogNewPostPerformer(deps: PerformerDeps): Performer {
  return {
    idempotent: false,
    async run(job, attempt) {
      const p = job.post
      if (!p) return { kind: 'attention', error: appError('internal', 'This job carries no post to send.') }
      const who = await signIn(deps, job)
      if ('kind' in who) return who
      const login = blogLoginOf(who)
      if ('kind' in login) return login
      const gate = await statusGate(deps, login, job)
      if (gate) return gate
      const categories = await ensureCategories(deps, login, job)
      if (categories) return categories
      const media = await uploadJobMedia(deps, login, job, p.description, attempt)
      if ('kind' in media) return media
      await attempt.dispatching() // outside the try: if the mark cannot be written, nothing is sent
      let id: PostId
      const input = postInputOf(p, media.html)
      try {
        id = await newPost(login, input, p.publish, { onUploadProgress: attempt.progress })
      } catch (e) {
        const refused = publishRefused(e, job)
        if (refused) return refused
        return outcomeOf(
          errorOf(e, { method: 'metaWeblog.newPost', url: who.account.url, account: who.account.name }),
          false,
          deps.now(),
        )
      }
      // Posted: from here nothing re-sends newPost.
      const result = await postSaved(deps, login, job, id.wire, { input, publish: p.publish })
      return { kind: 'done', result, ...(media.files.length > 0 ? { files: media.files } : {}) }
    },
    async lookup(job, ctx) {
      const found = await lookUpSentPost(deps, job, ctx)
      if (found.kind === 'found') found.result = await saved(deps, job, found.result.msgnum!)
      return found
    },
    adopt: (job, msgnum) => saved(deps, job, msgnum),
  }
}

/** The post is on the blog as `postid` (found, or the person said so): record it, and rebase where the login allows. */
async function saved(deps: PerformerDeps, job: Job, postid: string | number): Promise<NonNullable<Job['result']>> {
  const who = await signIn(deps, job)
  const login = 'kind' in who ? who : blogLoginOf(who)
  if ('kind' in login) {
    const result = { msgnum: postid }
    await recordOnDraft(deps, job, result)
    return result
  }
  return postSaved(deps, login, job, postid)
}
