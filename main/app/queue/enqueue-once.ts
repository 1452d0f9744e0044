import type { Account, Draft, Job } from '../../../shared/model'
import type { AppContext } from '../core/context'
import { failWith } from '../core/failure'

const enqueuing = new Set<string>()

/**
 * Builds and queues a job for one draft and account, refusing a second while the first is being
 * queued: the check for a queued twin (in `make`) and the enqueue must not interleave with another
 * click's, or two clicks on Publish could mean two posts.
 */
export async function enqueueOnce(ctx: AppContext, draft: Draft, account: Account, make: () => Job): Promise<Job> {
  const key = `${ctx.dataDir}\u0000${draft.id}\u0000${account.id}`
  if (enqueuing.has(key))
    return failWith('conflict', `This ${draft.kind === 'post' ? 'post' : 'message'} is already being queued.`)
  enqueuing.add(key)
  try {
    return await ctx.publisher.enqueue(make())
  } finally {
    enqueuing.delete(key)
  }
}
