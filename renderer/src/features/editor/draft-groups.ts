import type { Account, DraftKind, DraftSummary } from '../../../../shared/model'

export type StateFilter = 'all' | 'published' | 'unpublished'

export interface DraftGroup {
  key: string
  label: string
  items: DraftSummary[]
}

export const kindLabel: Record<DraftKind, string> = { page: 'Page', message: 'Message', post: 'Post' }

const inState = (s: DraftSummary, state: StateFilter) =>
  state === 'all' || (state === 'published') === (s.publishedUrl !== undefined)

/** One group per account, in the accounts' order, then drafts with no (or a removed) account. */
export function groupByAccount(
  summaries: readonly DraftSummary[],
  accounts: readonly Account[],
  state: StateFilter,
): DraftGroup[] {
  const known = new Map(accounts.map((a, i) => [a.id, { a, i }]))
  const groups = new Map<string, DraftGroup & { order: number }>()
  for (const s of summaries) {
    if (!inState(s, state)) continue
    const hit = s.accountId ? known.get(s.accountId) : undefined
    const key = hit ? hit.a.id : 'none'
    let g = groups.get(key)
    if (!g) {
      g = { key, label: hit ? hit.a.name : 'No account', items: [], order: hit ? hit.i : Number.MAX_SAFE_INTEGER }
      groups.set(key, g)
    }
    g.items.push(s)
  }
  return [...groups.values()].sort((x, y) => x.order - y.order).map(({ key, label, items }) => ({ key, label, items }))
}
