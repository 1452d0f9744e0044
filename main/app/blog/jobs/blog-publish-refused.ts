import { appError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import { BlogFault } from '../../../protocols/blog/blog-fault'
import type { Outcome } from '../../../queue/outcome'

/**
 * WordPress answers a Contributor's publish with fault 401 ("Sorry, you are not allowed to publish
 * posts on this site."): nothing was posted, and trying again cannot help. Say why, and offer what
 * the role allows — "Submit for review", which sends post_status pending.
 */
export function publishRefused(e: unknown, job: Job): Outcome | undefined {
  const p = job.post
  if (!(e instanceof BlogFault) || e.faultKind !== 'forbidden' || !p?.publish || p.status === 'pending')
    return undefined
  return {
    kind: 'attention',
    error: appError(
      'fault',
      `The blog did not publish “${p.title || '(untitled)'}”: your account there may not publish posts (${e.faultString}) — WordPress gives that right to Authors, Editors and Administrators, not to Contributors. Submit it for review instead: an editor of the blog then publishes it.`,
      { choice: 'submitForReview', retryHelps: false, faultCode: e.faultCode },
    ),
  }
}
