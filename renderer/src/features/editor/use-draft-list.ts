import { useCallback, useEffect, useRef, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Draft, DraftSummary } from '../../../../shared/model'
import { onConnection } from '../../bridge'

const byRecent = (a: DraftSummary, b: DraftSummary) => b.updatedAt.localeCompare(a.updatedAt)

export function summaryOf(d: Draft): DraftSummary {
  const url = d.published.findLast((p) => p.url)?.url
  return { id: d.id, kind: d.kind, title: d.title, accountId: d.accountId, updatedAt: d.updatedAt, ...(url ? { publishedUrl: url } : {}) }
}

/** The drafts list: listed from the core, patched at once by our own saves, re-listed on events. */
export function useDraftList(api: UpstreamApi) {
  const [summaries, setSummaries] = useState<DraftSummary[] | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const pending = useRef<Promise<void> | null>(null)

  // Coalesced: a burst of draft.saved events costs one listing.
  const refresh = useCallback(() => {
    pending.current ??= api.invoke('drafts.list').then((r) => {
      pending.current = null
      if (r.ok) setSummaries([...r.value].sort(byRecent))
      setError(r.ok ? null : r.error)
    })
    return pending.current
  }, [api])

  const upsert = useCallback((d: Draft) => {
    setSummaries((list) => [summaryOf(d), ...(list ?? []).filter((s) => s.id !== d.id)].sort(byRecent))
  }, [])

  useEffect(() => {
    const offSaved = api.on('draft.saved', () => void refresh())
    const offConn = onConnection((status) => status === 'open' && void refresh())
    void refresh()
    return () => (offSaved(), offConn())
  }, [api, refresh])

  return { summaries, error, refresh, upsert }
}
