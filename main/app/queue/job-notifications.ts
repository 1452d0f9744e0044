import type { Events } from '../../../shared/api'
import type { Job, JobState } from '../../../shared/model'
import { siteSyncNotification } from '../weblog/site-sync-notification'

type Notification = Events['notification']

/** What to tell people when a job ends well or needs them; nothing for other states. */
export function notificationFor(job: Job): Notification | undefined {
  if (job.state === 'done' && job.action === 'site.sync') return siteSyncNotification(job)
  if (job.state === 'done') {
    const failed = (job.files ?? []).filter((f) => f.status === 'failed')
    const where = job.result?.url ?? (job.result?.msgnum !== undefined ? `msgnum ${job.result.msgnum}` : undefined)
    if (failed.length > 0) {
      const names = failed.map((f) => f.path).join(', ')
      return {
        level: 'warning',
        title: `Published, but not ${names}`,
        body: `${job.label}. ${failed[0].error?.message ?? ''} Publish again to send what is missing.`.trim(),
      }
    }
    return {
      level: 'success',
      title: job.action === 'blog.deletePost' ? 'Deleted' : 'Published',
      body: where ? `${job.label} — ${where}` : job.label,
    }
  }
  if (job.state === 'needs-attention')
    return {
      level: 'error',
      title: `Needs attention: ${job.label}`,
      body: job.error?.message ?? 'Open the queue to see why.',
    }
  return undefined
}

/**
 * Watches job changes (the publisher's onChange, including progress ticks and jobs another process
 * wrote) and notifies once per arrival in done or needs-attention: only on a change of state from
 * one this process saw, so restarting the app does not replay old news.
 */
export function jobNotifications(
  known: readonly Job[],
  notify: (n: Notification, job: Job) => void,
): (job: Job) => void {
  const states = new Map<string, JobState>(known.map((j) => [j.id, j.state]))
  return (job) => {
    const before = states.get(job.id)
    states.set(job.id, job.state)
    if (before === undefined || before === job.state) return
    const n = notificationFor(job)
    if (n) notify(n, job)
  }
}
