import { canTransition, type Job, type JobState } from '../../shared/model'

export class IllegalTransition extends Error {}

/** Fields a transition may set besides the state; state and history are transition()'s alone. */
export type JobPatch = Omit<Partial<Job>, 'state' | 'history' | 'updatedAt' | 'id'>

/**
 * The only way a job changes state: checked against the table in shared/model.ts, recorded in the
 * job's history. Returns a new job; the caller persists it before acting on it.
 */
export function transition(job: Job, to: JobState, now: Date, note?: string, patch: JobPatch = {}): Job {
  if (!canTransition(job.state, to)) throw new IllegalTransition(`job ${job.id}: ${job.state} → ${to} is not allowed`)
  const at = now.toISOString()
  const entry = note === undefined ? { state: to, at } : { state: to, at, note }
  return { ...job, ...patch, state: to, updatedAt: at, history: [...job.history, entry] }
}

/** A change that is not a move (the next look-up time, a dispatch mark): same state, no history entry. */
export function amend(job: Job, now: Date, patch: JobPatch): Job {
  return { ...job, ...patch, state: job.state, history: job.history, updatedAt: now.toISOString() }
}
