import type { Job } from '../../../../shared/model'
import type { Fault } from './fault-plan'
import type { FaultServer } from './fault-server'
import { postKey } from './fault-methods'
import type { SoakWorld } from './soak-deps'
import type { SoakJob } from './soak-jobs'
import { orderProblems } from './soak-report'
import type { StateAudit } from './state-audit'

export interface SoakReport {
  jobs: number
  done: number
  duplicates: number
  lost: number
  /** Jobs that were ever `unknown`, and how many of those ended done with the server's msgnum. */
  unknown: number
  unknownResolved: number
  attentionInjected: number
  attentionUnexpected: number
  retried: number
  /** Network outages during the run; jobs that waited for the network; a person's actions; jobs they cancelled. */
  outages: number
  waitedForNetwork: number
  personActions: number
  cancelled: number
  calls: number
  faults: Record<Fault, number>
  moves: Map<string, number>
  illegalMoves: number
  wallMs: number
  problems: string[]
}

interface CheckInput {
  planned: SoakJob[]
  jobs: Job[]
  server: FaultServer
  world: SoakWorld
  audit: StateAudit
  seeds: Map<string, string>
  /** Jobs the person cancelled (or asked to, mid-send). */
  cancelled: ReadonlySet<string>
  wallMs: number
}

/** Compares what the queue says with what the server holds: duplicates, losses, wrong endings. */
export function checkSoak(c: CheckInput): SoakReport {
  const problems: string[] = []
  const byId = new Map(c.jobs.map((j) => [j.id, j]))
  const server = new Map(c.server.messages.map((m) => [m.msgnum, m]))
  const seeds = new Set(c.seeds.values())
  const owned = new Set<string>()
  let lost = 0
  let attentionInjected = 0
  let attentionUnexpected = 0
  for (const { job: planned, injected } of c.planned) {
    const job = byId.get(planned.id)
    if (!job) {
      lost++
      problems.push(`${planned.label}: no job file`)
      continue
    }
    if (injected) {
      if (job.state === 'needs-attention' && job.error?.kind === (injected === 'auth' ? 'auth' : 'fault'))
        attentionInjected++
      else
        problems.push(
          `${job.label}: injected ${injected} fault, ended ${job.state} (${job.error?.kind}: ${job.error?.message})`,
        )
      continue
    }
    if (job.state === 'needs-attention') attentionUnexpected++
    if (job.state === 'cancelled') {
      // Cancelled must mean "did not go out": a newMessage cancelled yet on the server is a lie.
      const account = c.world.accounts.get(job.accountId)!
      if (!c.cancelled.has(job.id)) problems.push(`${job.label}: cancelled, but nobody cancelled it`)
      if (job.message && c.server.posts.has(postKey(account.username, job.message.title, job.message.body)))
        problems.push(`${job.label}: cancelled, yet posted`)
      continue
    }
    if (job.state !== 'done') {
      lost++
      problems.push(`${job.label}: ended ${job.state}: ${job.error?.message ?? ''}`)
      continue
    }
    const records = c.world.records.get(job.draftId)?.filter((r) => r.jobId === job.id) ?? []
    if (records.length !== 1) problems.push(`${job.label}: recorded on its draft ${records.length} times`)
    if (job.action === 'discuss.newMessage') {
      const m = server.get(String(job.result?.msgnum))
      const account = c.world.accounts.get(job.accountId)!
      if (!m || m.title !== job.message!.title || m.body !== job.message!.body || m.author !== account.username) {
        lost++
        problems.push(`${job.label}: done as msgnum ${job.result?.msgnum}, which is not its post on the server`)
      } else {
        if (owned.has(m.msgnum)) problems.push(`${job.label}: msgnum ${m.msgnum} claimed by two jobs`)
        owned.add(m.msgnum)
      }
    }
    if (job.action === 'webhost.put') {
      for (const f of job.files ?? [])
        if (f.status !== 'sent' || !c.server.puts.get(f.path))
          problems.push(
            `${job.label}: file ${f.path} is ${f.status}, on the server ${c.server.puts.get(f.path) ?? 0} times`,
          )
    }
  }
  // Every post on the server belongs to exactly one job (or is a seed): anything else is a duplicate.
  let duplicates = 0
  for (const [key, n] of c.server.posts) if (n > 1) ((duplicates += n - 1), problems.push(`posted ${n} times: ${key}`))
  for (const m of c.server.messages)
    if (!owned.has(m.msgnum) && !seeds.has(m.msgnum))
      problems.push(`stray post ${m.msgnum} “${m.title}” (no job owns it)`)
  problems.push(...orderProblems(c.jobs), ...c.audit.illegal)
  const everUnknown = c.jobs.filter((j) => j.history.some((h) => h.state === 'unknown'))
  return {
    jobs: c.planned.length,
    done: c.jobs.filter((j) => j.state === 'done').length,
    duplicates,
    lost,
    unknown: everUnknown.length,
    unknownResolved: everUnknown.filter(
      (j) =>
        j.state === 'done' && j.result?.msgnum !== undefined && !j.history.some((h) => h.note?.startsWith('You said')),
    ).length,
    attentionInjected,
    attentionUnexpected,
    retried: c.jobs.filter((j) => j.history.some((h) => h.state === 'waiting-retry')).length,
    outages: 0,
    waitedForNetwork: c.jobs.filter((j) => j.history.some((h) => h.state === 'waiting-network')).length,
    personActions: 0,
    cancelled: c.jobs.filter((j) => j.state === 'cancelled').length,
    calls: [...c.server.calls.values()].reduce((a, b) => a + b, 0),
    faults: c.server.injected,
    moves: c.audit.moves,
    illegalMoves: c.audit.illegal.length,
    wallMs: c.wallMs,
    problems,
  }
}
