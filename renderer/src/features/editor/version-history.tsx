import { useEffect, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { DraftVersion, DraftVersionText } from '../../../../shared/draft-history'
import type { AppError } from '../../../../shared/errors'
import { ErrorNote } from '../../components/error-note'
import { ModalDialog } from '../../components/modal-dialog'
import { formatCount, formatWhen } from '../../lib/format'
import { DiffView } from '../conflict/diff-view'

interface Props {
  api: UpstreamApi
  draftId: string
  /** The text in the editor now, what each version is compared with. */
  current: { title: string; body: string }
  onRestore: (v: DraftVersionText) => void
  onClose: () => void
}

/** Every text the draft had, newest first; pick one to see what changed since, and bring it back. */
export function VersionHistory({ api, draftId, current, onRestore, onClose }: Props) {
  const [versions, setVersions] = useState<DraftVersion[] | null>(null)
  const [chosen, setChosen] = useState<DraftVersionText | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    let live = true
    void api.invoke('drafts.versions', { id: draftId }).then((r) => {
      if (!live) return
      if (r.ok) setVersions(r.value)
      else setError(r.error)
    })
    return () => void (live = false)
  }, [api, draftId])

  const choose = async (key: string) => {
    const r = await api.invoke('drafts.version', { id: draftId, key })
    if (r.ok) setChosen(r.value)
    setError(r.ok ? null : r.error)
  }

  const now = new Date()
  return (
    <ModalDialog
      title="Version history"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!chosen}
            onClick={() => chosen && onRestore(chosen)}
          >
            Restore this version
          </button>
        </>
      }
    >
      <ErrorNote error={error} />
      {versions?.length === 0 && (
        <p className="muted">No earlier versions yet: each save keeps the text it replaces.</p>
      )}
      <div className="version-history">
        <ul className="version-list" aria-label="Versions">
          {versions?.map((v) => (
            <li key={v.key}>
              <button
                type="button"
                className="version-item"
                aria-pressed={chosen?.key === v.key}
                onClick={() => void choose(v.key)}
              >
                <span>{formatWhen(v.at, now, true)}</span>
                <span className="muted">
                  {v.title || 'Untitled'} · {formatCount(v.chars)} characters
                </span>
                {v.published && <span className="badge badge-good">Published</span>}
              </button>
            </li>
          ))}
        </ul>
        <div className="version-diff">
          {chosen ? (
            <>
              {chosen.title !== current.title && (
                <p>
                  Title then: <strong>{chosen.title || 'Untitled'}</strong>
                </p>
              )}
              <DiffView label="Changes from this version to the current text" from={chosen.body} to={current.body} />
            </>
          ) : (
            versions &&
            versions.length > 0 && <p className="muted">Choose a version to compare it with the current text.</p>
          )}
        </div>
      </div>
    </ModalDialog>
  )
}
