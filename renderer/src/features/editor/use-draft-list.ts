import { postStatusLabels } from '../../../../shared/post-status-labels'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Draft, DraftQuery, DraftSummary } from '../../../../shared/model'
import { onConnection } from '../../bridge'

const byRecent = (a: DraftSummary, b: DraftSummary) => b.updatedAt.localeCompare(a.updatedAt)

export function summaryOf(d: Draft): DraftSummary {
  const url = d.published.findLast((p) => p.url)?.url
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    accountId: d.accountId,
    updatedAt: d.updatedAt,
    ...(url ? { publishedUrl: url } : {}),
    ...(postStatusLabels(d).length > 0 ? { statuses: postStatusLabels(d) } : {}),
  }
}

const isEmpty = (q: DraftQuery) => !q.text && !q.accountId && !q.kind

/**
 * The drafts list: listed from the core with the current query (the core searches titles and
 * bodies), patched at once by our own saves, re-listed on events.
 */
export function useDraftList(api: UpstreamApi) {
  const [summaries, setSummaries] = useState<DraftSummary[] | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [query, setQueryState] = useState<DraftQuery>({})
  const queryRef = useRef<DraftQuery>({})
  const pending = useRef<Promise<void> | null>(null)
  const again = useRef(false)
  const failed = useRef(false)

  // Coalesced: a burst of draft.saved events costs one listing; a query typed meanwhile one more.
  const refresh = useCallback((): Promise<void> => {
    if (pending.current) {
      again.current = true
      return pending.current
    }
    const q = queryRef.current
    pending.current = api.invoke('drafts.list', isEmpty(q) ? undefined : q).then((r) => {
      pending.current = null
      failed.current = !r.ok
      if (q === queryRef.current) {
        if (r.ok) setSummaries([...r.value].sort(byRecent))
        setError(r.ok ? null : r.error)
      }
      if (again.current || q !== queryRef.current) {
        again.current = false
        void refresh()
      }
    })
    return pending.current
  }, [api])

  const setQuery = useCallback(
    (q: DraftQuery) => {
      queryRef.current = q
      setQueryState(q)
      void refresh()
    },
    [refresh],
  )

  // Our own save: shown at once when no search could exclude it, else the core decides.
  const upsert = useCallback(
    (d: Draft) => {
      if (!isEmpty(queryRef.current)) return void refresh()
      setSummaries((list) => [summaryOf(d), ...(list ?? []).filter((s) => s.id !== d.id)].sort(byRecent))
    },
    [refresh],
  )

  useEffect(() => {
    const offSaved = api.on('draft.saved', () => void refresh())
    // The first 'open' is the connection this listing already uses (asked once at start, not twice);
    // later ones are reconnections, after which the list may have changed.
    let connectedBefore = false
    const offConn = onConnection((status) => {
      if (status !== 'open') return
      if (connectedBefore || failed.current) void refresh()
      connectedBefore = true
    })
    void refresh()
    return () => (offSaved(), offConn())
  }, [api, refresh])

  return { summaries, error, query, setQuery, refresh, upsert }
}
