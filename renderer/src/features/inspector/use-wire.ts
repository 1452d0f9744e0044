import { useCallback, useEffect, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { WireEntry } from '../../../../shared/wire'
import { onConnection } from '../../bridge'

const KEEP = 500

function merge(list: readonly WireEntry[], fresh: readonly WireEntry[]): WireEntry[] {
  const byId = new Map(list.map((e) => [e.id, e]))
  for (const e of fresh) byId.set(e.id, e)
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, KEEP)
}

/** Recent exchanges, newest first: listed once, then kept live by 'wire.entry' events. */
export function useWire(api: UpstreamApi) {
  const [entries, setEntries] = useState<WireEntry[]>([])
  const [error, setError] = useState<AppError | null>(null)

  const refresh = useCallback(async () => {
    const r = await api.invoke('inspector.list')
    if (r.ok) setEntries((prev) => merge(prev, r.value))
    setError(r.ok ? null : r.error)
  }, [api])

  useEffect(() => {
    const off = api.on('wire.entry', (e) => setEntries((prev) => merge(prev, [e])))
    const offConn = onConnection((s) => s === 'open' && void refresh())
    void refresh()
    return () => (off(), offConn())
  }, [api, refresh])

  return { entries, error, refresh }
}
