import { useCallback, useEffect, useRef, useState } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'

export type Toast = Events['notification'] & { id: number }

/** Errors stay until dismissed: the writer must not miss why something didn't go out. */
const lifetimeMs: Record<Toast['level'], number | null> = { info: 6000, success: 6000, warning: 12000, error: null }

export function useToasts(api: UpstreamApi) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), [])

  const notify = useCallback(
    (n: Events['notification']) => {
      const id = nextId.current++
      setToasts((list) => [...list.slice(-4), { ...n, id }]) // keep the pile short
      const ms = lifetimeMs[n.level]
      if (ms !== null) setTimeout(() => dismiss(id), ms)
    },
    [dismiss],
  )

  useEffect(() => api.on('notification', notify), [api, notify])
  return { toasts, notify, dismiss }
}
