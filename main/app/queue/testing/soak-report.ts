import type { Job } from '../../../../shared/model'
import type { SoakReport } from './soak-check'

/**
 * Per-account order: an account's new posts reach the server in the order they were queued. A job
 * the person paused steps out of line (that is what pausing one job is for), so it is not counted.
 */
export function orderProblems(jobs: Job[]): string[] {
  const out: string[] = []
  const inLine = (j: Job) =>
    j.action === 'discuss.newMessage' && j.state === 'done' && !j.history.some((h) => h.state === 'paused')
  const posts = jobs.filter(inLine).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  const last = new Map<string, string>()
  for (const j of posts) {
    const m = String(j.result!.msgnum)
    const prev = last.get(j.accountId)
    if (prev !== undefined && prev > m)
      out.push(`${j.label}: posted as ${m}, before an earlier job's ${prev} (account ${j.accountId})`)
    last.set(j.accountId, m)
  }
  return out
}

export function formatSoak(r: SoakReport): string {
  const f = r.faults
  const moves = [...r.moves.entries()]
    .sort()
    .map(([m, n]) => `${m}:${n}`)
    .join(' ')
  return [
    `jobs=${r.jobs} done=${r.done} cancelled=${r.cancelled} duplicates=${r.duplicates} lost=${r.lost}`,
    `unknown=${r.unknown} resolved-automatically=${r.unknownResolved} needs-attention=${r.attentionInjected + r.attentionUnexpected} (injected ${r.attentionInjected}, unexpected ${r.attentionUnexpected}) retried-jobs=${r.retried}`,
    `network-outages=${r.outages} jobs-that-waited-for-network=${r.waitedForNetwork} person-actions=${r.personActions} cancelled-by-person=${r.cancelled}`,
    `calls=${r.calls} faults: drop=${f.drop} reset=${f.reset} slow=${f.slow} 503=${f['busy-503']}  illegal-moves=${r.illegalMoves} time=${(r.wallMs / 1000).toFixed(1)}s`,
    `moves: ${moves}`,
  ].join('\n')
}
