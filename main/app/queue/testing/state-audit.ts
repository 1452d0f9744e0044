import { canTransition, type Job } from '../../../../shared/model'
import type { WriteJson } from '../../../queue/job-store'

export interface StateAudit {
  /** Writes checked, moves seen (from→to, including history steps), and every illegal one. */
  writes: number
  moves: Map<string, number>
  illegal: string[]
}

/**
 * Wraps the job store's writer and checks what reaches the disk, whatever code produced it: each
 * job's state either stays (history unchanged) or moves along the table with exactly one history
 * entry naming the new state. A path that bypassed transition() shows up here.
 */
export function auditedWriter(inner: WriteJson): { write: WriteJson; audit: StateAudit } {
  const audit: StateAudit = { writes: 0, moves: new Map(), illegal: [] }
  const last = new Map<string, Job>()
  const write: WriteJson = async (file, value) => {
    const job = value as Job
    const before = last.get(job.id)
    audit.writes += 1
    check(audit, before, job)
    last.set(job.id, job)
    await inner(file, value)
  }
  return { write, audit }
}

/** Every step of a job's recorded history along the table (checks jobs written by other processes too). */
export function historyProblems(job: Job): string[] {
  const out: string[] = []
  if (job.history[0]?.state !== 'queued') out.push(`${job.id}: history starts with ${job.history[0]?.state}`)
  for (let i = 1; i < job.history.length; i++) {
    const [a, b] = [job.history[i - 1].state, job.history[i].state]
    if (!canTransition(a, b)) out.push(`${job.id}: illegal move ${a}→${b} in its history`)
  }
  return out
}

function check(audit: StateAudit, before: Job | undefined, job: Job): void {
  const fail = (why: string) => audit.illegal.push(`${job.id}: ${why}`)
  for (const p of historyProblems(job)) if (!audit.illegal.includes(p)) fail(p)
  const tail = job.history[job.history.length - 1]
  if (tail?.state !== job.state) fail(`state ${job.state} but the last history entry says ${tail?.state}`)
  if (!before) {
    if (job.state !== 'queued' || job.history.length !== 1)
      fail(`first written as ${job.state} with ${job.history.length} history entries`)
    return
  }
  if (before.state === job.state && before.history.length === job.history.length) return
  if (job.history.length !== before.history.length + 1)
    fail(`${before.state} → ${job.state} with ${job.history.length - before.history.length} new history entries`)
  const move = `${before.state}→${job.state}`
  audit.moves.set(move, (audit.moves.get(move) ?? 0) + 1)
  if (!canTransition(before.state, job.state)) fail(`illegal move ${move}`)
}
