import { useCallback, useEffect, useState } from 'react'
import type { NoticeEntry, UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'

/** The kept notices (notifications.list), and how many arrived since the writer last looked. */
export function useNoticeHistory(api: UpstreamApi) {
  const [open, setOpen] = useState(false)
  const [entries, setEntries] = useState<NoticeEntry[]>([])
  const [error, setError] = useState<AppError | null>(null)
  const [unread, setUnread] = useState(0)

  const load = useCallback(async () => {
    const r = await api.invoke('notifications.list')
    if (r.ok) setEntries(r.value)
    setError(r.ok ? null : r.error)
  }, [api])

  useEffect(
    () =>
      api.on('notification', () => {
        if (open) void load()
        else setUnread((n) => n + 1)
      }),
    [api, open, load],
  )

  const show = useCallback(() => {
    setOpen(true)
    setUnread(0)
    void load()
  }, [load])
  const hide = useCallback(() => setOpen(false), [])
  const clear = useCallback(async () => {
    const r = await api.invoke('notifications.clear')
    if (r.ok) setEntries([])
    else setError(r.error)
  }, [api])

  return { open, entries, error, unread, show, hide, clear }
}
