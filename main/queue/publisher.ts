import type { AppError } from '../../shared/errors'
import { appError } from '../../shared/errors'
import type { Job, JobAction, JobState } from '../../shared/model'
import { backoffMs } from './backoff'
import type { JobStore } from './job-store'
import type { Outcome } from './outcome'
import { transition } from './transition'

/** States in which a job still has work ahead and holds its account's place in line. */
const ACTIVE = new Set<JobState>(['queued', 'sending', 'waiting-retry', 'waiting-network'])
/** Offline jobs look again this often, without counting an attempt against them. */
const NETWORK_RECHECK_MS = 15_000

export interface Performer {
  /** Safe to send twice (webHost.put, saveMessage…); false for newMessage. */
  idempotent: boolean
  run(job: Job, report: (sent: number, total: number) => void): Promise<Outcome>
}

export interface Clock {
  now(): Date
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

export interface PublisherOptions {
  store: JobStore
  performers: Record<JobAction, Performer>
  onChange(job: Job): void
  clock?: Clock
  random?: () => number
  /** Jobs of different accounts run side by side; one account's jobs run in order. */
  concurrency?: number
}

/** Runs the publish queue: one attempt per job at a time, every state change persisted first. */
export class Publisher {
  private readonly clock: Clock
  private timer: unknown
  private stopped = false

  constructor(private readonly opts: PublisherOptions) {
    this.clock = opts.clock ?? systemClock
  }

  /** After a crash, a job left in `sending` is re-queued if idempotent, else its fate is unknown. */
  async recover(): Promise<void> {
    for (const job of this.opts.store.list().filter((j) => j.state === 'sending')) {
      const idempotent = this.opts.performers[job.action].idempotent
      const next: JobState = idempotent ? 'queued' : 'unknown'
      await this.save(transition(job, next, this.clock.now(), 'The app stopped while this was being sent.'))
    }
    this.kick()
  }

  async enqueue(job: Job): Promise<Job> {
    await this.save(job)
    this.kick()
    return job
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
  }

  /** Starts whatever is due now and sets one timer for the next retry. */
  kick(): void {
    if (this.stopped) return
    const now = this.clock.now().getTime()
    const limit = this.opts.concurrency ?? 2
    const headSeen = new Set<string>()
    for (const job of this.opts.store.list().reverse()) {
      if (!ACTIVE.has(job.state) || headSeen.has(job.accountId)) continue
      // Per-account order: only the oldest active job of an account may run.
      headSeen.add(job.accountId)
      if (this.inFlight.has(job.accountId) || this.inFlight.size >= limit) continue
      const due = job.state === 'queued' || (job.state !== 'sending' && Date.parse(job.nextAttemptAt ?? '') <= now)
      if (due) void this.attempt(job)
    }
    this.armTimer()
  }

  private readonly inFlight = new Set<string>()

  private armTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    const next = this.opts.store
      .list()
      .filter((j) => (j.state === 'waiting-retry' || j.state === 'waiting-network') && j.nextAttemptAt)
      .map((j) => Date.parse(j.nextAttemptAt!))
      .sort((a, b) => a - b)[0]
    if (next === undefined) return
    this.timer = this.clock.setTimeout(() => this.kick(), Math.max(0, next - this.clock.now().getTime()))
  }

  private async attempt(queued: Job): Promise<void> {
    this.inFlight.add(queued.accountId)
    let job = transition(queued, 'sending', this.clock.now(), undefined, { attempts: queued.attempts + 1, error: undefined })
    try {
      await this.save(job)
      const performer = this.opts.performers[job.action]
      let outcome: Outcome
      try {
        outcome = await performer.run(job, (sent, total) => {
          job = { ...job, progress: { sent, total } }
          this.opts.onChange(job)
        })
      } catch (e) {
        outcome = { kind: 'attention', error: appError('internal', `Upstream failed while publishing: ${e instanceof Error ? e.message : String(e)}`) }
      }
      await this.save(this.settle(job, outcome))
    } finally {
      this.inFlight.delete(queued.accountId)
      this.kick()
    }
  }

  private settle(job: Job, outcome: Outcome): Job {
    const now = this.clock.now()
    const failed = (to: JobState, error: AppError, patch: Partial<Job> = {}) => transition(job, to, now, error.message, { ...patch, error })
    switch (outcome.kind) {
      case 'done':
        return transition(job, 'done', now, outcome.result.url, { result: outcome.result, nextAttemptAt: undefined })
      case 'retry': {
        const wait = Math.max(outcome.retryAfterMs ?? 0, backoffMs(job.attempts, this.opts.random))
        return failed('waiting-retry', outcome.error, { nextAttemptAt: new Date(now.getTime() + wait).toISOString() })
      }
      case 'offline':
        return failed('waiting-network', outcome.error, { nextAttemptAt: new Date(now.getTime() + NETWORK_RECHECK_MS).toISOString() })
      case 'unknown':
        return failed('unknown', outcome.error)
      case 'attention':
        return failed('needs-attention', outcome.error)
    }
  }

  private async save(job: Job): Promise<void> {
    await this.opts.store.put(job)
    this.opts.onChange(job)
  }
}
