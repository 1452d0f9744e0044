import { canTransition, type Job } from '../../../../shared/model'

export type JobAction = 'retry' | 'pause' | 'resume' | 'cancel'

export const actionLabels: Record<JobAction, string> = {
  retry: 'Retry now',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
}

/**
 * What a person may do with a job, read off the model's transition table. An `unknown` job is not
 * retried: its post may already be on the server, so it is resolved, never blindly re-sent.
 */
export function actionsFor(job: Job): JobAction[] {
  const s = job.state
  const out: JobAction[] = []
  // A conflict is not retried: the same publish would meet the same changed server copy.
  // Nor is a refusal that no retry can change (a Contributor's publish): the job says what would help.
  const futile = job.error?.kind === 'conflict' || job.error?.details?.retryHelps === false
  if (s === 'waiting-retry' || s === 'waiting-network' || (s === 'needs-attention' && !futile)) out.push('retry')
  if (canTransition(s, 'paused')) out.push('pause')
  if (s === 'paused') out.push('resume')
  // A job being sent may be cancelled too: it stops when its attempt ends.
  if (canTransition(s, 'cancelled') || s === 'sending') out.push('cancel')
  return out
}

/**
 * An `unknown` job (its post may or may not be on the server), or a job waiting for the person to
 * say which of several look-alikes on the server is its post.
 */
export function canResolve(job: Job): boolean {
  if (job.state === 'unknown') return true // the writer may know before Upstream's search does
  return job.state === 'needs-attention' && (job.uncertain?.candidates?.length ?? 0) > 0
}
