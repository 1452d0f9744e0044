import type { ChannelName, Output } from '../../../shared/api'
import type { AppContext } from '../context'
import { listAccounts } from './accounts'
import { getDraft, listDrafts, saveDraft } from './drafts'
import { publishDraft } from './publish'
import { cancelJob, listQueue, pauseJobs, resolveJob, resumeJobs, retryJob } from './queue'

export type Handler<C extends ChannelName> = (ctx: AppContext, input: unknown) => Promise<Output<C>>

/**
 * One handler per channel. The mapped type makes a missing handler a compile error, and dispatch
 * only ever looks names up in this object's own keys.
 */
export const handlers: { [C in ChannelName]: Handler<C> } = {
  'app.info': async (ctx) => ctx.info,
  'drafts.list': (ctx) => listDrafts(ctx),
  'drafts.get': getDraft,
  'drafts.save': saveDraft,
  'accounts.list': (ctx) => listAccounts(ctx),
  'publish.draft': publishDraft,
  'queue.list': (ctx) => listQueue(ctx),
  'queue.retry': retryJob,
  'queue.pause': pauseJobs,
  'queue.resume': resumeJobs,
  'queue.cancel': cancelJob,
  'queue.resolve': resolveJob,
  'inspector.list': async (ctx) => ctx.wire.list(),
}
