import { useCallback, useEffect, useRef, useState } from 'react'
import type { Notice, UpstreamApi } from '../../../../shared/api'
import { addToast, jobSucceeded, lifetimeMs, settleJob, type Toast } from './toast-rules'

export type { Toast } from './toast-rules'

export function useToasts(api: UpstreamApi) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), [])

  const notify = useCallback(
    (n: Notice) => {
      const id = nextId.current++
      setToasts((list) => addToast(list, { ...n, id }))
      const ms = lifetimeMs[n.level]
      if (ms !== null) setTimeout(() => dismiss(id), ms)
    },
    [dismiss],
  )

  useEffect(() => api.on('notification', notify), [api, notify])
  // A retry that went through (from the queue, the CLI, or the network coming back) ends its error.
  useEffect(
    () => api.on('queue.job', (job) => jobSucceeded(job) && setToasts((list) => settleJob(list, job.id))),
    [api],
  )
  return { toasts, notify, dismiss }
}
