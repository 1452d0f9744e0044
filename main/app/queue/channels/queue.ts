import type { Input } from '../../../../shared/api'
import type { Job } from '../../../../shared/model'
import { QueueError } from '../../../queue/queue-error'
import type { AppContext } from '../../core/context'
import { AppFailure } from '../../core/failure'

/** Queue refusals (wrong state, another process runs the queue) reach the UI as plain failures. */
async function queueCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof QueueError) throw new AppFailure(e.error)
    throw e
  }
}

/** Newest first. A process that does not run the queue reads it from disk, as the runner left it. */
export async function listQueue(ctx: AppContext): Promise<Job[]> {
  if (!ctx.publisher.isRunning) await ctx.jobs.reload()
  return ctx.jobs.list()
}

export const retryJob = (ctx: AppContext, { jobId }: Input<'queue.retry'>): Promise<Job> =>
  queueCall(() => ctx.publisher.act(jobId, 'retry'))
export const cancelJob = (ctx: AppContext, { jobId }: Input<'queue.cancel'>): Promise<Job> =>
  queueCall(() => ctx.publisher.act(jobId, 'cancel'))

function oneOrAll(ctx: AppContext, jobId: string | undefined, action: 'pause' | 'resume'): Promise<Job[]> {
  if (jobId === undefined) return queueCall(() => ctx.publisher.actAll(action))
  return queueCall(async () => [await ctx.publisher.act(jobId, action)])
}

export const pauseJobs = (ctx: AppContext, { jobId }: Input<'queue.pause'>): Promise<Job[]> =>
  oneOrAll(ctx, jobId, 'pause')
export const resumeJobs = (ctx: AppContext, { jobId }: Input<'queue.resume'>): Promise<Job[]> =>
  oneOrAll(ctx, jobId, 'resume')

/** The person's answer for a job whose post may be on the server; its msgnum is kept exactly as given. */
export function resolveJob(ctx: AppContext, input: Input<'queue.resolve'>): Promise<Job> {
  const answer =
    input.answer === 'not-posted' ? { posted: false as const } : { posted: true as const, msgnum: input.msgnum }
  return queueCall(() => ctx.publisher.resolve(input.jobId, answer))
}
