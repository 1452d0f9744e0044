import type { Job } from '../../../../shared/model'
import type { WireEntry } from '../../../../shared/wire'

/** What the exchanges list shows; a job's "Show the wire exchange" sets account and time window. */
export interface WireFilter {
  accountId?: string
  text?: string
  /** ISO times; a little slack either side covers clocks and the attempt's set-up. */
  from?: string
  to?: string
  /** For people: "Publish notes/train.html to Local sandbox". */
  jobLabel?: string
}

const SLACK_MS = 2_000

export function filterForJob(job: Job): WireFilter {
  const starts = job.history.filter((h) => h.state === 'sending').map((h) => h.at)
  const from = starts[0] ?? job.attemptStartedAt ?? job.createdAt
  return { accountId: job.accountId, from, to: job.updatedAt, jobLabel: job.label }
}

export function matches(e: WireEntry, f: WireFilter): boolean {
  if (f.accountId && e.account?.id !== f.accountId) return false
  if (f.text && !e.method.toLowerCase().includes(f.text.toLowerCase())) return false
  const t = Date.parse(e.startedAt)
  if (f.from && t < Date.parse(f.from) - SLACK_MS) return false
  if (f.to && t > Date.parse(f.to) + SLACK_MS) return false
  return true
}

/** A fault arrives with HTTP 200: the body says so. */
export const isFault = (e: WireEntry): boolean => /<fault>/.test(e.responseXml)

export function statusText(e: WireEntry): string {
  if (e.error) return e.status ? `HTTP ${e.status}: error` : 'No answer'
  if (isFault(e)) return 'Fault'
  return e.status ? `${e.status}` : '—'
}
