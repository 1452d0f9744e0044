import { appError } from '../../shared/errors'
import type { Job } from '../../shared/model'
import { after, type Clock } from './clock'
import type { JobStore } from './job-store'
import { holdsLine } from './line'
import { settleLookup } from './lookup-settle'
import type { Outcome } from './outcome'
import type { LookupResult, Performer } from './performer'
import { NETWORK_RECHECK_MS } from './policy'
import { settle, type Request } from './settle'
import { amend, transition } from './transition'

/** An attempt under way: how to stop it, and what the person asked for meanwhile. */
export interface Live {
  abort: AbortController
  request?: Request
}

/** What a step needs from the publisher. */
export interface StepHost {
  store: JobStore
  clock: Clock
  random: () => number
  live: Map<string, Live>
  performer(job: Job): Performer
  /** Applies a change to the job's latest version, persisted then announced, in order. */
  change(id: string, fn: (job: Job) => Job | undefined): Promise<Job>
  onChange(job: Job): void
  probe?: (job: Job) => Promise<boolean>
}

const PROGRESS_EVERY_MS = 100
const failedWith = (what: string, e: unknown) =>
  appError('internal', `${what}: ${e instanceof Error ? e.message : String(e)}`)

/** A job waiting for the network: probe (not an attempt); if it is back, attempt at once. */
export async function probeStep(h: StepHost, id: string): Promise<void> {
  const job = h.store.get(id)!
  const online = await (h.probe ?? (async () => true))(job).catch(() => false)
  if (online) return attemptStep(h, id)
  await h.change(id, (j) =>
    j.state === 'waiting-network'
      ? amend(j, h.clock.now(), { nextAttemptAt: after(h.clock.now(), NETWORK_RECHECK_MS) })
      : undefined,
  )
}

/** One attempt: `sending` is on disk before the performer runs; its outcome is settled on the table. */
export async function attemptStep(h: StepHost, id: string): Promise<void> {
  const now = h.clock.now()
  const job = await h.change(id, (j) =>
    holdsLine(j) && j.state !== 'sending' && j.state !== 'unknown'
      ? transition(j, 'sending', now, undefined, {
          attempts: j.attempts + 1,
          attemptStartedAt: now.toISOString(),
          dispatchedAt: undefined,
          error: undefined,
          nextAttemptAt: undefined,
        })
      : undefined,
  )
  if (job.state !== 'sending' || job.attemptStartedAt !== now.toISOString()) return
  const performer = h.performer(job)
  const live: Live = { abort: new AbortController() }
  h.live.set(id, live)
  let dispatched = false
  let lastProgress = 0
  let outcome: Outcome
  try {
    outcome = await performer.run(job, {
      signal: live.abort.signal,
      progress: (sent, total) => {
        const t = h.clock.now().getTime()
        if (sent < total && t - lastProgress < PROGRESS_EVERY_MS) return
        lastProgress = t
        h.onChange({ ...(h.store.get(id) ?? job), progress: { sent, total } })
      },
      dispatching: async () => {
        await h.change(id, (j) =>
          j.state === 'sending' ? amend(j, h.clock.now(), { dispatchedAt: h.clock.now().toISOString() }) : undefined,
        )
        dispatched = true
      },
    })
  } catch (e) {
    const error = failedWith('Upstream failed while publishing', e)
    // After the request left, a failure of ours says nothing about what the server did.
    outcome = !performer.idempotent && dispatched ? { kind: 'unknown', error } : { kind: 'attention', error }
  } finally {
    h.live.delete(id)
  }
  // Our own abort (pause/cancel) is not the server's failure: settle it as the person asked.
  if (
    live.request &&
    live.abort.signal.aborted &&
    (outcome.kind === 'attention' || outcome.kind === 'retry') &&
    outcome.error.kind === 'cancelled'
  )
    outcome = { kind: 'retry', error: outcome.error }
  const settled = outcome
  await h.change(id, (j) =>
    j.state === 'sending' ? settle(j, settled, h.clock.now(), h.random, live.request) : undefined,
  )
}

/** An unknown job: look for its post on the server (never a send). */
export async function lookupStep(h: StepHost, id: string): Promise<void> {
  const job = h.store.get(id)!
  const performer = h.performer(job)
  // msgnums other jobs of this account own are never this job's post.
  const claimed = new Set(
    h.store
      .inOrder()
      .flatMap((j) =>
        j.accountId === job.accountId && j.id !== id && j.result?.msgnum !== undefined ? [String(j.result.msgnum)] : [],
      ),
  )
  let found: LookupResult
  if (!performer.lookup)
    found = {
      kind: 'cannot',
      error: appError(
        'unsupported',
        'Upstream cannot look this up on the server. Check whether it was posted, then tell Upstream.',
      ),
    }
  else
    found = await performer
      .lookup(job, { signal: new AbortController().signal, claimed })
      .catch((e: unknown) => ({ kind: 'failed' as const, error: failedWith('The search on the server failed', e) }))
  await h.change(id, (j) =>
    j.state === 'unknown' && j.uncertain?.status === 'searching'
      ? settleLookup(j, found, h.clock.now(), h.random)
      : undefined,
  )
}
