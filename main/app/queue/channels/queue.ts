import type { Job } from '../../../../shared/model'
import { QueueError } from '../../../queue/queue-error'
import type { AppContext } from '../../core/context'
import { AppFailure } from '../../core/failure'
import { msgnumInput } from '../../discussion/msgnum-input'
import { object, oneOf, string } from '../../core/validate'

/** Queue refusals (wrong state, another process runs the queue) reach the UI as plain failures. */
async function queueCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof QueueError) throw new AppFailure(e.error)
    throw e
  }
}

const jobId = (input: unknown): string => string(object(input), 'jobId', { max: 200 })

/** Newest first. A process that does not run the queue reads it from disk, as the runner left it. */
export async function listQueue(ctx: AppContext): Promise<Job[]> {
  if (!ctx.publisher.isRunning) await ctx.jobs.reload()
  return ctx.jobs.list()
}

export const retryJob = (ctx: AppContext, input: unknown): Promise<Job> =>
  queueCall(() => ctx.publisher.act(jobId(input), 'retry'))
export const cancelJob = (ctx: AppContext, input: unknown): Promise<Job> =>
  queueCall(() => ctx.publisher.act(jobId(input), 'cancel'))

function oneOrAll(ctx: AppContext, input: unknown, action: 'pause' | 'resume'): Promise<Job[]> {
  const o = input === undefined || input === null ? {} : object(input)
  if (o.jobId === undefined) return queueCall(() => ctx.publisher.actAll(action))
  return queueCall(async () => [await ctx.publisher.act(jobId(o), action)])
}

export const pauseJobs = (ctx: AppContext, input: unknown): Promise<Job[]> => oneOrAll(ctx, input, 'pause')
export const resumeJobs = (ctx: AppContext, input: unknown): Promise<Job[]> => oneOrAll(ctx, input, 'resume')

/** The person's answer for a job whose post may be on the server. */
export function resolveJob(ctx: AppContext, input: unknown): Promise<Job> {
  const o = object(input)
  const id = jobId(o)
  if (oneOf(o, 'answer', ['was-posted', 'not-posted'] as const) === 'not-posted')
    return queueCall(() => ctx.publisher.resolve(id, { posted: false }))
  // Opaque: kept exactly as given, type included (protocols.md §2).
  const msgnum = msgnumInput(o.msgnum, 'msgnum')
  return queueCall(() => ctx.publisher.resolve(id, { posted: true, msgnum }))
}
