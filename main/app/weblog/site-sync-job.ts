import type { Account, Job, JobState } from '../../../shared/model'
import { newJob } from '../../queue/new-job'
import type { AppContext } from '../core/context'

/** A sync in these states has not scanned the folder yet, so it will carry any change made now. */
const NOT_STARTED: readonly JobState[] = ['queued', 'waiting-retry', 'waiting-network']
const enqueuing = new Map<string, Promise<Job>>()

/**
 * Queues a `site.sync` job for the account: syncs only ever run in the publish queue (progress,
 * pause, offline, retries). A sync that has not started yet already covers whatever changed, so
 * it is answered instead of a second job; concurrent callers share one enqueue.
 */
export function queueSiteSync(ctx: AppContext, account: Account, draftId = ''): Promise<Job> {
  const pending = ctx.jobs
    .list()
    .find((j) => j.action === 'site.sync' && j.accountId === account.id && NOT_STARTED.includes(j.state))
  if (pending) return Promise.resolve(pending)
  const key = `${ctx.dataDir}\u0000${account.id}`
  const inFlight = enqueuing.get(key)
  if (inFlight) return inFlight
  const job = newJob({
    action: 'site.sync',
    draftId,
    accountId: account.id,
    label: `Upstream the site of ${account.name}`,
  })
  const queued = ctx.publisher.enqueue(job).finally(() => enqueuing.delete(key))
  enqueuing.set(key, queued)
  return queued
}

/**
 * Settles once the job has run (or waits for the network, a retry or the person), or at `stop`.
 * In a process that does not run the queue it settles at once: the runner's progress is not
 * heard here, and the watcher must not hang on it.
 */
export function jobRan(ctx: AppContext, jobId: string, stop: AbortSignal): Promise<void> {
  if (!ctx.publisher.isRunning || stop.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const ran = (j: Job | undefined) => !j || (j.state !== 'queued' && j.state !== 'sending')
    const done = () => {
      off()
      stop.removeEventListener('abort', done)
      resolve()
    }
    const off = ctx.events.on((event, payload) => {
      if (event === 'queue.job' && (payload as Job).id === jobId && ran(payload as Job)) done()
    })
    stop.addEventListener('abort', done)
    if (ran(ctx.jobs.get(jobId))) done()
  })
}
