import { useCallback, useState } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { useDraftSession } from './use-draft-session'

type Session = ReturnType<typeof useDraftSession>
type Choice = { choice: 'mine' } | { choice: 'theirs' } | { choice: 'merged'; title: string; body: string }

/**
 * Ends a conflict through the core (drafts.resolveConflict): the words on screen are saved first,
 * so "mine" is what the writer sees; the answer becomes the open draft, with the server copy as
 * its new base. Publishing again then sends it.
 */
export function useConflict(api: UpstreamApi, session: Session, notify: (n: Events['notification']) => void) {
  const [busy, setBusy] = useState(false)
  const [merging, setMerging] = useState(false)

  const resolve = useCallback(
    async (c: Choice) => {
      const draft = session.latest()
      if (!draft?.id) return
      setBusy(true)
      try {
        const saved = await session.flush()
        if (saved && !saved.ok)
          return notify({
            level: 'error',
            title: 'Conflict not resolved',
            body: `Your version couldn’t be saved first: ${saved.error.message}`,
          })
        const r = await api.invoke('drafts.resolveConflict', { draftId: draft.id, ...c })
        if (!r.ok) return notify({ level: 'error', title: 'Conflict not resolved', body: r.error.message })
        setMerging(false)
        await session.load(r.value)
        notify({ level: 'success', title: 'Conflict resolved', body: 'Publish to send this version to the server.' })
      } finally {
        setBusy(false)
      }
    },
    [api, session, notify],
  )

  return { busy, merging, setMerging, resolve }
}
