import { randomUUID } from 'node:crypto'
import type { Job, JobAction, JobFile, JobMessage } from '../../shared/model'

export interface NewJob {
  action: JobAction
  draftId: string
  accountId: string
  label: string
  message?: JobMessage
  files?: string[]
  note?: string
}

let last = 0

/**
 * A job in its first state, `queued`: the one place besides transition() that names a state.
 * createdAt increases strictly within a process, so jobs queued in one burst keep their order.
 */
export function newJob(spec: NewJob, now: Date = new Date(), id: string = randomUUID()): Job {
  last = Math.max(last + 1, now.getTime())
  const at = new Date(last).toISOString()
  const job: Job = {
    id,
    action: spec.action,
    draftId: spec.draftId,
    accountId: spec.accountId,
    label: spec.label,
    state: 'queued',
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    history: [spec.note === undefined ? { state: 'queued', at } : { state: 'queued', at, note: spec.note }],
  }
  if (spec.message) job.message = spec.message
  if (spec.files) job.files = spec.files.map((path): JobFile => ({ path, status: 'pending' }))
  return job
}
