import type { Job, JobAction } from '../../shared/model'
import { KeyedQueue } from '../store/keyed-queue'
import { diskError } from '../store/store-error'
import { systemClock, type Clock } from './clock'
import { applyAction, applyResolve, canApply, type QueueAction } from './job-actions'
import type { JobStore } from './job-store'
import { dueStep, holdsLine, wakeAt, type Step } from './line'
import type { Performer } from './performer'
import { QueueError } from './queue-error'
import { recovered } from './recover'
import { attemptStep, lookupStep, probeStep, type Live, type StepHost } from './steps'

export type { Clock } from './clock'
export { systemClock } from './clock'
export type { Performer } from './performer'

export interface PublisherOptions {
  store: JobStore
  /** The app passes one per action (performersWith); a job whose action has none waits for a person. */
  performers: Partial<Record<JobAction, Performer>>
  onChange(job: Job): void
  clock?: Clock
  random?: () => number
  /** Jobs of different accounts run side by side; one account's jobs run in order. */
  concurrency?: number
  /** Whether the network reaches this job's server: a probe, not an attempt. Default: assume so. */
  probe?: (job: Job) => Promise<boolean>
}

// A step that failed to write the job's state (disk full…) leaves the job alone for this long.
const HOLD_AFTER_CRASH_MS = 30_000
const STOP_GRACE_MS = 10_000

/**
 * Runs the publish queue: one step per account at a time, every state change persisted (through
 * transition()) before anything is sent, and every change of one job applied in order.
 * Only the process holding the publisher lock starts it; others may only enqueue.
 */
export class Publisher {
  private readonly clock: Clock
  private readonly random: () => number
  private readonly serial = new KeyedQueue()
  private readonly busy = new Map<string, string>()
  private readonly live = new Map<string, Live>()
  private readonly holds = new Map<string, number>()
  private readonly tasks = new Set<Promise<void>>()
  private timer: unknown
  private running = false

  constructor(private readonly opts: PublisherOptions) {
    this.clock = opts.clock ?? systemClock
    this.random = opts.random ?? Math.random
  }

  get isRunning(): boolean {
    return this.running
  }

  /** Takes over the queue (this process holds the lock): settles jobs a crash left `sending`, then runs. */
  async start(): Promise<void> {
    if (this.running) return
    this.running = true
    for (const job of this.opts.store.inOrder()) {
      if (job.state === 'sending' && !this.live.has(job.id))
        await this.change(job.id, (j) =>
          j.state === 'sending' ? recovered(j, this.performer(j).idempotent, this.clock.now()) : undefined,
        )
    }
    this.kick()
  }

  /** Stops starting steps and waits (a little) for the ones under way to settle and be written. */
  async stop(): Promise<void> {
    this.running = false
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
    let grace: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.allSettled([...this.tasks]),
      new Promise((r) => (grace = setTimeout(r, STOP_GRACE_MS))),
    ])
    clearTimeout(grace)
  }

  /** Settles once no step is under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks])
  }

  /** Saves a new job; this process runs it if it holds the lock, else the one that does picks it up. */
  async enqueue(job: Job): Promise<Job> {
    await this.change(job.id, () => job, true)
    this.kick()
    return job
  }

  /** Jobs another process wrote (seen by a rescan): tell the UI, and run any new ones. */
  noticed(jobs: Job[]): void {
    for (const job of jobs) this.opts.onChange(job)
    this.kick()
  }

  async act(id: string, action: QueueAction): Promise<Job> {
    this.ensureRunning()
    const job = await this.change(id, (j) => {
      if (j.state !== 'sending' || (action !== 'pause' && action !== 'cancel'))
        return applyAction(j, action, this.clock.now())
      // Mid-send: the attempt settles into paused/cancelled; an idempotent send is stopped now.
      const live = this.live.get(j.id)
      if (live) {
        live.request = action
        if (this.performer(j).idempotent) live.abort.abort()
      }
      return undefined
    })
    this.kick()
    return job
  }

  /** pause/resume every job that can be (the whole queue, e.g. before a train tunnel). */
  async actAll(action: 'pause' | 'resume'): Promise<Job[]> {
    this.ensureRunning()
    const changed: Job[] = []
    for (const j of this.opts.store.inOrder()) {
      // One that moved on meanwhile (it started sending, say) is simply left out.
      if (canApply(j, action))
        await this.act(j.id, action).then(
          (next) => changed.push(next),
          () => {},
        )
    }
    return changed
  }

  /** The person's answer for an unknown job: posted as `msgnum` (→ done), or not posted (→ sent again). */
  async resolve(id: string, answer: { posted: true; msgnum: string | number } | { posted: false }): Promise<Job> {
    this.ensureRunning()
    const job = this.job(id)
    const now = this.clock.now()
    if (!answer.posted) {
      const next = await this.change(id, (j) => applyResolve(j, { answer: 'not-posted' }, now))
      this.kick()
      return next
    }
    applyResolve(job, { answer: 'was-posted', result: { msgnum: answer.msgnum } }, now) // refuses before adopting
    const adopt = this.performer(job).adopt
    const result = adopt
      ? await adopt(job, answer.msgnum).catch(() => ({ msgnum: answer.msgnum }))
      : { msgnum: answer.msgnum }
    const next = await this.change(id, (j) => applyResolve(j, { answer: 'was-posted', result }, this.clock.now()))
    this.kick()
    return next
  }

  /** Starts whatever is due now and sets one timer for the next thing due. */
  kick(): void {
    if (!this.running) return
    const now = this.clock.now().getTime()
    const limit = this.opts.concurrency ?? 2
    const seen = new Set<string>()
    for (const job of this.opts.store.inOrder()) {
      // Per-account order: only the oldest job holding an account's line may run.
      if (!holdsLine(job) || seen.has(job.accountId)) continue
      seen.add(job.accountId)
      if (this.busy.has(job.accountId) || this.busy.size >= limit || (this.holds.get(job.id) ?? 0) > now) continue
      const step = dueStep(job, now)
      if (step) this.launch(job, step)
    }
    this.armTimer(now)
  }

  private launch(job: Job, step: Step): void {
    this.busy.set(job.accountId, job.id)
    const task: Promise<void> = this.runStep(job.id, step)
      .catch((e: unknown) => {
        // Most likely the job's state could not be written (disk full): leave it alone for a while,
        // and say so — the job on screen carries the reason even though the disk could not.
        this.holds.set(job.id, this.clock.now().getTime() + HOLD_AFTER_CRASH_MS)
        const error = e instanceof QueueError ? e.error : diskError(e).toAppError()
        this.opts.onChange({ ...(this.opts.store.get(job.id) ?? job), error })
      })
      .finally(() => {
        this.busy.delete(job.accountId)
        this.tasks.delete(task)
        this.kick()
      })
    this.tasks.add(task)
  }

  private runStep(id: string, step: Step): Promise<void> {
    const host: StepHost = {
      store: this.opts.store,
      clock: this.clock,
      random: this.random,
      live: this.live,
      performer: (j) => this.performer(j),
      change: (i, fn) => this.change(i, fn),
      onChange: (j) => this.opts.onChange(j),
      ...(this.opts.probe ? { probe: this.opts.probe } : {}),
    }
    return step === 'lookup' ? lookupStep(host, id) : step === 'probe' ? probeStep(host, id) : attemptStep(host, id)
  }

  private armTimer(now: number): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
    let next = Infinity
    for (const job of this.opts.store.inOrder()) {
      const at = Math.max(wakeAt(job) ?? Infinity, this.holds.get(job.id) ?? 0)
      if (at > now && at < next) next = at
    }
    if (next !== Infinity) this.timer = this.clock.setTimeout(() => this.kick(), next - now)
  }

  /** Every change of one job, in order, against its latest version; persisted, then announced. */
  private change(id: string, fn: (job: Job) => Job | undefined, create = false): Promise<Job> {
    return this.serial.run(id, async () => {
      const current = this.opts.store.get(id)
      if (!current && !create) throw new QueueError('not-found', `There is no job with id ${id}.`)
      const next = fn(current!)
      if (!next || next === current) return current!
      await this.opts.store.put(next)
      this.opts.onChange(next)
      return next
    })
  }

  private job(id: string): Job {
    const job = this.opts.store.get(id)
    if (!job) throw new QueueError('not-found', `There is no job with id ${id}.`)
    return job
  }

  private performer(job: Job): Performer {
    const p = this.opts.performers[job.action]
    if (!p) throw new QueueError('unsupported', `This version of Upstream cannot run “${job.action}” jobs.`)
    return p
  }

  private ensureRunning(): void {
    if (!this.running)
      throw new QueueError(
        'locked',
        'Another Upstream process is running the publish queue for this data folder. Change jobs there, or close it and try again.',
      )
  }
}
