import { useEffect } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import { serverFields } from './editor-draft'
import type { useDraftSession } from './use-draft-session'

type Session = Pick<ReturnType<typeof useDraftSession>, 'latest' | 'isSettled' | 'open' | 'amend'>

/** Keeps the open draft and the list in step with changes made elsewhere. */
export function useDraftSync(api: UpstreamApi, session: Session, refreshList: () => unknown): void {
  const { latest, isSettled, open, amend } = session

  // Another window or the CLI saved the open draft: follow it, unless we have edits of our own.
  useEffect(
    () =>
      api.on('draft.saved', (e) => {
        const d = latest()
        if (d?.id === e.id && e.revision > d.revision && isSettled()) void open(e.id)
      }),
    [api, latest, isSettled, open],
  )

  // A publish that finished adds a record to its draft; one that found the server copy changed
  // sets the draft's conflict. Show either in the open draft without disturbing the words typed.
  useEffect(
    () =>
      api.on('queue.job', async (job) => {
        const settledState = job.state === 'done' || job.state === 'needs-attention'
        if (!settledState) return
        if (job.state === 'done') void refreshList()
        if (latest()?.id !== job.draftId) return
        const r = await api.invoke('drafts.get', { id: job.draftId })
        if (r.ok && latest()?.id === r.value.id) amend(serverFields(r.value))
      }),
    [api, refreshList, latest, amend],
  )
}
