import { useEffect } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Draft } from '../../../../shared/model'
import { serverFields, toInput, type EditorDraft } from './editor-draft'
import type { useDraftSession } from './use-draft-session'

type Session = Pick<ReturnType<typeof useDraftSession>, 'latest' | 'isSettled' | 'open' | 'amend'>

/** Keeps the open draft and the list in step with changes made elsewhere. */
export function useDraftSync(api: UpstreamApi, session: Session, refreshList: () => unknown): void {
  const { latest, isSettled, open, amend } = session

  // The open draft was saved elsewhere (another window, the CLI) or the core changed what only it
  // changes (enclosures, conflict, publish records): take the latter quietly; follow the words,
  // unless we have edits of our own.
  useEffect(
    () =>
      api.on('draft.saved', async (e) => {
        const d = latest()
        if (d?.id !== e.id || e.revision <= d.revision) return
        const r = await api.invoke('drafts.get', { id: e.id })
        const now = latest()
        if (!r.ok || now?.id !== e.id || r.value.revision <= now.revision) return
        if (sameWords(now, r.value)) amend(serverFields(r.value))
        else if (isSettled()) void open(e.id)
      }),
    [api, latest, isSettled, open, amend],
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

/** Everything the writer edits is as on screen: only the core's fields changed. */
function sameWords(d: EditorDraft, saved: Draft): boolean {
  const mine = toInput(d)
  return (
    mine.title === saved.title &&
    mine.body === saved.body &&
    mine.format === saved.format &&
    mine.kind === saved.kind &&
    (mine.accountId ?? null) === saved.accountId &&
    (mine.relativePath ?? saved.relativePath) === saved.relativePath
  )
}
