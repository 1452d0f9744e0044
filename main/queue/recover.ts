import type { Job } from '../../shared/model'
import { after } from './clock'
import { transition } from './transition'

/**
 * A job a crash left `sending`. Idempotent: send again. Non-idempotent: if the durable
 * "dispatched" mark is missing, the request never left (the mark is written before it does), so it
 * is queued again; with the mark, its fate is unknown and Upstream looks on the server.
 */
export function recovered(job: Job, idempotent: boolean, now: Date): Job {
  if (idempotent)
    return transition(job, 'queued', now, 'The app stopped while this was being sent; it will be sent again.', {
      nextAttemptAt: undefined,
    })
  if (!job.dispatchedAt)
    return transition(job, 'queued', now, 'The app stopped before this was sent; it will be sent.', {
      nextAttemptAt: undefined,
    })
  return transition(
    job,
    'unknown',
    now,
    'The app stopped after this was sent and before the answer came; Upstream will look for it on the server.',
    {
      uncertain: { since: job.attemptStartedAt ?? job.updatedAt, lookups: 0, status: 'searching' },
      failures: 0,
      nextAttemptAt: after(now, 0),
    },
  )
}
