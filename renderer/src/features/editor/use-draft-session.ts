import { useEffect, useMemo, useRef, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Draft, DraftKind } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import { Autosave } from './autosave'
import { fromDraft, newEditorDraft, type EditorDraft } from './editor-draft'
import type { SaveStatus } from './save-status'

/** The open draft for React: the Autosave engine, with its state mirrored for rendering. */
export function useDraftSession(api: UpstreamApi, onSaved: (draft: Draft) => void) {
  const [view, setView] = useState<{ draft: EditorDraft | null; status: SaveStatus }>({
    draft: null,
    status: { kind: 'none' },
  })
  const savedRef = useRef(onSaved)
  savedRef.current = onSaved

  const [engine] = useState(
    () =>
      new Autosave({
        save: (input) => api.invoke('drafts.save', input),
        onChange: (draft, status) => setView({ draft, status }),
        onSaved: (d) => savedRef.current(d),
      }),
  )
  useEffect(() => () => engine.dispose(), [engine])

  const actions = useMemo(
    () => ({
      edit: (patch: Partial<EditorDraft>) => engine.edit(patch),
      amend: (patch: Partial<EditorDraft>) => engine.amend(patch),
      flush: engine.flush,
      saveNow: () => engine.saveNow(),
      open: (id: string) =>
        engine.replace(async (): Promise<Result<EditorDraft>> => {
          const r = await api.invoke('drafts.get', { id })
          return r.ok ? { ok: true, value: fromDraft(r.value) } : r
        }),
      /** Shows a draft the core just made or changed (opened from a server, conflict resolved). */
      load: (draft: Draft) => engine.replace(async () => ({ ok: true, value: fromDraft(draft) })),
      create: (accountId: string | null, kind: DraftKind = 'page') =>
        engine.replace(async () => ({ ok: true, value: newEditorDraft(accountId, kind) })),
      isDirty: engine.isDirty,
      isSettled: engine.isSettled,
      latest: () => engine.current,
    }),
    [api, engine],
  )
  return useMemo(() => ({ ...view, ...actions }), [view, actions])
}
