import { appError } from '../../../../shared/errors'
import { editPost } from '../../../protocols/blog/edit-post'
import { outcomeOf } from '../../../queue/outcome'
import type { Performer } from '../../../queue/performer'
import { conflictBeforeEdit } from './blog-conflict'
import { ensureCategories } from './blog-categories'
import { statusGate } from './blog-status-gate'
import { blogLoginOf } from '../blog-login'
import { uploadJobMedia } from './blog-media'
import { postInputOf } from './blog-post-input'
import { publishRefused } from './blog-publish-refused'
import { postSaved } from './blog-saved'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'
import { signIn } from '../../queue/sign-in'

/**
 * metaWeblog.editPost replaces the post's fields: idempotent, retried freely — but never over a
 * newer version someone made on the blog (conflictBeforeEdit looks first).
 */
export function blogEditPostPerformer(deps: PerformerDeps): Performer {
  return {
    idempotent: true,
    async run(job, attempt) {
      const p = job.post
      if (!p || p.postid === undefined)
        return { kind: 'attention', error: appError('internal', 'This job names no post to save.') }
      const who = await signIn(deps, job)
      if ('kind' in who) return who
      const login = blogLoginOf(who)
      if ('kind' in login) return login
      const context = { url: who.account.url, account: who.account.name }
      const gate = await statusGate(deps, login, job)
      if (gate) return gate
      const categories = await ensureCategories(deps, login, job)
      if (categories) return categories
      const media = await uploadJobMedia(deps, login, job, p.description, attempt)
      if ('kind' in media) return media
      const input = postInputOf(p, media.html)
      try {
        const conflict = await conflictBeforeEdit(deps, login, job, input, attempt.signal)
        if (conflict) return conflict
      } catch (e) {
        return outcomeOf(errorOf(e, { ...context, method: 'metaWeblog.getPost' }), true, deps.now())
      }
      try {
        await editPost(login, p.postid, input, p.publish, {
          signal: attempt.signal,
          onUploadProgress: attempt.progress,
        })
      } catch (e) {
        return (
          publishRefused(e, job) ??
          outcomeOf(errorOf(e, { ...context, method: 'metaWeblog.editPost' }), true, deps.now())
        )
      }
      const result = await postSaved(deps, login, job, p.postid, { input, publish: p.publish })
      return { kind: 'done', result, ...(media.files.length > 0 ? { files: media.files } : {}) }
    },
  }
}
