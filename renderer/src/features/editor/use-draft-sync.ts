import { useEffect } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
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

  // A finished publish adds a record to its draft (no draft.saved for that): show it in the list,
  // and in the open draft without disturbing the text being edited.
  useEffect(
    () =>
      api.on('queue.job', async (job) => {
        if (job.state !== 'done') return
        void refreshList()
        if (latest()?.id !== job.draftId) return
        const r = await api.invoke('drafts.get', { id: job.draftId })
        if (r.ok && latest()?.id === r.value.id) amend({ published: r.value.published, revision: r.value.revision })
      }),
    [api, refreshList, latest, amend],
  )
}
