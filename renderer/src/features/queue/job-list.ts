import type { Job } from '../../../../shared/model'

const newestFirst = (a: Job, b: Job) => b.createdAt.localeCompare(a.createdAt)

/**
 * Events and list answers can arrive in any order; the copy with the later `updatedAt` wins, so a
 * stale "queued" from publish.draft never overwrites a "sending" that the event already brought.
 */
export function upsertJob(jobs: readonly Job[], job: Job): Job[] {
  const existing = jobs.find((j) => j.id === job.id)
  if (existing && existing.updatedAt > job.updatedAt) return jobs as Job[]
  return [...jobs.filter((j) => j.id !== job.id), job].sort(newestFirst)
}

export function mergeJobs(jobs: readonly Job[], fresh: readonly Job[]): Job[] {
  return fresh.reduce<Job[]>((acc, job) => upsertJob(acc, job), [...jobs])
}

/** Jobs that still need the publisher (or the user), for the sidebar's count. */
export const isActive = (job: Job) => job.state !== 'done' && job.state !== 'cancelled'
