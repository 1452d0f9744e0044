import type { Draft, DraftSummary } from '../../shared/model'

export interface DraftQuery {
  /** Words that must all appear, in the title or the body, ignoring case. */
  text?: string
  accountId?: string
  kind?: string
}

export function matchesQuery(draft: Draft, query: DraftQuery): boolean {
  if (query.accountId !== undefined && draft.accountId !== query.accountId) return false
  if (query.kind !== undefined && draft.kind !== query.kind) return false
  const words = (query.text ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const title = draft.title.toLocaleLowerCase()
  const body = draft.body.toLocaleLowerCase()
  return words.every((w) => title.includes(w) || body.includes(w))
}

export function summarize(draft: Draft): DraftSummary {
  const summary: DraftSummary = {
    id: draft.id,
    kind: draft.kind,
    title: draft.title,
    accountId: draft.accountId,
    updatedAt: draft.updatedAt,
  }
  const url = draft.published.findLast((p) => p.url !== undefined)?.url
  if (url !== undefined) summary.publishedUrl = url
  return summary
}
