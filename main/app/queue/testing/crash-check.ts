import type { Job } from '../../../../shared/model'
import type { FakeDiscussion } from './fault-methods'
import type { SoakJob } from './soak-jobs'
import { historyProblems } from './state-audit'

export interface QueueCrashReport {
  kills: number
  jobs: number
  done: number
  lost: number
  stuckSending: number
  duplicates: number
  /** Ever unknown; of those, found on the server automatically; and those only a person could settle. */
  unknown: number
  resolvedAutomatically: number
  askedPerson: number
  /** newMessage jobs a crash caught before the dispatch mark: re-queued, certainly never sent. */
  neverLeft: number
  /** Idempotent jobs a crash caught mid-send, sent again. */
  resent: number
  attentionInjected: number
  problems: string[]
}

const noted = (j: Job, start: string) => j.history.some((h) => h.note?.startsWith(start))

/** The end state against the server: nothing lost, nothing posted twice, nothing left `sending`. */
export function checkCrash(
  kills: number,
  planned: SoakJob[],
  jobs: Job[],
  server: FakeDiscussion,
  seeds: Set<string>,
  askedPerson: number,
): QueueCrashReport {
  const problems: string[] = []
  const byId = new Map(jobs.map((j) => [j.id, j]))
  const owned = new Set<string>()
  let lost = 0
  let attentionInjected = 0
  for (const { job: p, injected } of planned) {
    const job = byId.get(p.id)
    if (!job) {
      lost++
      problems.push(`${p.label}: its job file is gone`)
      continue
    }
    problems.push(...historyProblems(job))
    if (injected) {
      if (job.state === 'needs-attention') attentionInjected++
      else problems.push(`${job.label}: injected ${injected} fault, ended ${job.state}`)
    } else if (job.state !== 'done') {
      lost++
      problems.push(`${job.label}: ended ${job.state}: ${job.error?.message ?? ''}`)
    } else if (job.action === 'discuss.newMessage') {
      const m = server.messages.find((x) => x.msgnum === String(job.result?.msgnum))
      if (!m || m.title !== job.message!.title || m.body !== job.message!.body)
        problems.push(`${job.label}: done as ${job.result?.msgnum}, not its post`)
      else owned.add(m.msgnum)
    }
  }
  let duplicates = 0
  for (const [key, n] of server.posts) if (n > 1) ((duplicates += n - 1), problems.push(`posted ${n} times: ${key}`))
  for (const m of server.messages)
    if (!owned.has(m.msgnum) && !seeds.has(m.msgnum)) problems.push(`stray post ${m.msgnum}`)
  const everUnknown = jobs.filter((j) => j.history.some((h) => h.state === 'unknown'))
  return {
    kills,
    jobs: planned.length,
    done: jobs.filter((j) => j.state === 'done').length,
    lost,
    stuckSending: jobs.filter((j) => j.state === 'sending').length,
    duplicates,
    unknown: everUnknown.length,
    resolvedAutomatically: everUnknown.filter((j) => j.state === 'done' && noted(j, 'Found on the server')).length,
    askedPerson,
    neverLeft: jobs.filter((j) => noted(j, 'The app stopped before this was sent')).length,
    resent: jobs.filter((j) => noted(j, 'The app stopped while this was being sent')).length,
    attentionInjected,
    problems,
  }
}

export const formatCrash = (r: QueueCrashReport): string =>
  `kills=${r.kills} jobs=${r.jobs} done=${r.done} lost=${r.lost} stuck-sending=${r.stuckSending} duplicates=${r.duplicates}\n` +
  `unknown=${r.unknown} found-on-server=${r.resolvedAutomatically} asked-person=${r.askedPerson} never-left(no dispatch mark)=${r.neverLeft} idempotent-resent=${r.resent} needs-attention(injected)=${r.attentionInjected}`
