import type { Job } from '../../../shared/model'
import type { PerformerDeps } from '../core/performer-deps'

/**
 * Notes on the draft what went out where. The post itself already happened and the job keeps the
 * result, so a draft that is gone or a failed write must never turn a done job into a failure
 * (for newMessage that would invite a second post).
 */
export async function recordOnDraft(deps: PerformerDeps, job: Job, result: NonNullable<Job['result']>): Promise<void> {
  try {
    await deps.recordPublish(job.draftId, {
      at: deps.now().toISOString(),
      jobId: job.id,
      accountId: job.accountId,
      ...result,
    })
  } catch {
    // The job file holds the same record; the draft's copy is a convenience.
  }
}
