import { useCallback, useRef, useState } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { Job } from '../../../../shared/model'
import type { useDraftSession } from './use-draft-session'

type Session = ReturnType<typeof useDraftSession>

/**
 * Publish = save, then queue the draft as saved (`publish.draft` saves nothing itself), then show
 * the job. A save that fails stops here: we never publish something other than what's on screen.
 */
export function usePublish(
  api: UpstreamApi,
  session: Session,
  notify: (n: Events['notification']) => void,
  onPublished: (job: Job) => void,
) {
  const [publishing, setPublishing] = useState(false)
  const busy = useRef(false)

  const publish = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    setPublishing(true)
    try {
      const saved = await session.saveNow()
      if (saved && !saved.ok) {
        notify({
          level: 'error',
          title: 'Not published',
          body: `The draft couldn’t be saved first: ${saved.error.message}`,
        })
        return
      }
      const draft = session.latest()
      if (!draft?.id) return
      const input = { draftId: draft.id, ...(draft.accountId ? { accountId: draft.accountId } : {}) }
      let r = await api.invoke('publish.draft', input)
      // Categories the blog lacks and this account may not create: the writer chooses, before anything is sent.
      if (!r.ok && r.error.details?.choice === 'dropMissingCategories' && confirmDrop(r.error.message))
        r = await api.invoke('publish.draft', { ...input, dropMissingCategories: true })
      if (r.ok) onPublished(r.value)
      else notify({ level: 'error', title: 'Not published', body: r.error.message })
    } finally {
      busy.current = false
      setPublishing(false)
    }
  }, [api, session, notify, onPublished])

  return { publish, publishing }
}

const confirmDrop = (why: string): boolean =>
  typeof window !== 'undefined' &&
  window.confirm(`${why}\n\nPublish without them now? (Cancel keeps the draft as it is.)`)
