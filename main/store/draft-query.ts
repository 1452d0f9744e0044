import { postStatusLabels } from '../../shared/post-status-labels'
import { fold, foldedWords } from '../../shared/fold'
import type { Draft, DraftSummary } from '../../shared/model'

export interface DraftQuery {
  /** Words that must all appear, in the title or the body, ignoring case and diacritics. */
  text?: string
  accountId?: string
  kind?: string
}

/** What a search looks in: title and body, folded, kept by the draft index. */
export const searchText = (draft: Pick<Draft, 'title' | 'body'>): string => `${fold(draft.title)}\n${fold(draft.body)}`

/** `text` is searchText() of the draft. */
export function matchesQuery(summary: Pick<Draft, 'accountId' | 'kind'>, text: string, query: DraftQuery): boolean {
  if (query.accountId !== undefined && summary.accountId !== query.accountId) return false
  if (query.kind !== undefined && summary.kind !== query.kind) return false
  return foldedWords(query.text ?? '').every((w) => text.includes(w))
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
  const statuses = postStatusLabels(draft)
  if (statuses.length > 0) summary.statuses = statuses
  return summary
}
