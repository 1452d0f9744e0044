import type { Input } from '../../../../shared/api'
import type { Job } from '../../../../shared/model'
import { requireKind } from '../../accounts/account-login'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { draftOf } from '../../drafts/channels/drafts'
import { enqueueOnce } from '../../queue/enqueue-once'
import { deletePostJob } from './publish-post'

/** Queues the deletion of the post a draft published (or was opened from); the draft itself stays. */
export async function deleteBlogPost(ctx: AppContext, input: Input<'blog.deletePost'>): Promise<Job> {
  const draft = await draftOf(ctx, input.draftId)
  const accountId = input.accountId ?? draft.accountId
  if (!accountId)
    return failWith('invalid-input', 'Say which blog account to delete the post from.', { field: 'accountId' })
  const account = ctx.account(accountId)
  requireKind(account, 'blog', 'Deleting a post')
  return enqueueOnce(ctx, draft, account, () => deletePostJob(ctx, draft, account))
}
