import type { Job, JobState } from '../../shared/model'
import { QueueError } from './queue-error'
import { transition } from './transition'

export type QueueAction = 'retry' | 'pause' | 'resume' | 'cancel'

const FROM: Record<QueueAction, readonly JobState[]> = {
  retry: ['waiting-retry', 'waiting-network', 'needs-attention', 'paused'],
  pause: ['queued', 'waiting-retry', 'waiting-network'],
  resume: ['paused'],
  cancel: ['queued', 'waiting-retry', 'waiting-network', 'paused', 'needs-attention', 'unknown'],
}

const TO: Record<QueueAction, JobState> = { retry: 'queued', pause: 'paused', resume: 'queued', cancel: 'cancelled' }

const NOTE: Record<QueueAction, string> = {
  retry: 'Retry now, asked by you.',
  pause: 'Paused by you.',
  resume: 'Resumed by you.',
  cancel: 'Cancelled by you.',
}

/** Whether the action applies to a job in this state (a `sending` job is the publisher's to settle). */
export const canApply = (job: Job, action: QueueAction): boolean => FROM[action].includes(job.state)

/**
 * A person's action on a job that is not being sent. Retrying a job whose request may already be on
 * the server is refused: only `resolve` (was it posted?) may send it again.
 */
export function applyAction(job: Job, action: QueueAction, now: Date): Job {
  if (action === 'retry' && job.uncertain) {
    throw new QueueError(
      'conflict',
      `“${job.label}” may already be on the server. Check, then tell Upstream whether it was posted instead of retrying.`,
      { jobId: job.id },
    )
  }
  if (!canApply(job, action)) {
    throw new QueueError('invalid-input', `Cannot ${action} “${job.label}”: it is ${job.state}.`, {
      jobId: job.id,
      current: job.state,
    })
  }
  const fresh = action === 'retry' || action === 'resume' ? { failures: 0, error: undefined } : {}
  return transition(job, TO[action], now, NOTE[action], { nextAttemptAt: undefined, ...fresh })
}

export type Resolution = { answer: 'was-posted'; result: NonNullable<Job['result']> } | { answer: 'not-posted' }

/** The person's answer for a job whose fate only they could tell. `not-posted` re-queues it. */
export function applyResolve(job: Job, resolution: Resolution, now: Date): Job {
  if (!job.uncertain || (job.state !== 'unknown' && job.state !== 'needs-attention')) {
    throw new QueueError(
      'invalid-input',
      `“${job.label}” is ${job.state}; only a job whose fate is unknown can be resolved.`,
      { jobId: job.id, current: job.state },
    )
  }
  const clear = { uncertain: undefined, error: undefined, nextAttemptAt: undefined, failures: 0 }
  if (resolution.answer === 'not-posted') {
    return transition(job, 'queued', now, 'You said it was not posted: it will be sent again.', {
      ...clear,
      dispatchedAt: undefined,
    })
  }
  return transition(job, 'done', now, `You said it was posted as msgnum ${resolution.result.msgnum}.`, {
    ...clear,
    result: resolution.result,
  })
}
