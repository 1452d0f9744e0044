import { useId, useRef, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Draft, Enclosure } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { errorText } from '../../lib/error-text'
import { formatBytes } from '../../lib/format'
import type { Upload } from './use-uploads'

interface Props {
  api: UpstreamApi
  draftId: string | undefined
  enclosures: Enclosure[]
  uploads: Upload[]
  onAdd: (files: File[]) => void
  onCancel: (key: number) => void
  onDraft: (d: Draft) => void
  /** The server's limit per file, when a connection test told us. */
  maxFileSize: number | undefined
}

/** Files that go with the draft: picked here or dropped anywhere on the editor. */
export function EnclosuresPanel({ api, draftId, enclosures, uploads, onAdd, onCancel, onDraft, maxFileSize }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  const [removing, setRemoving] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const remove = async (name: string) => {
    if (!draftId) return
    setRemoving(name)
    const r = await api.invoke('drafts.detach', { draftId, name })
    setRemoving(null)
    if (r.ok) onDraft(r.value)
    setError(r.ok ? null : r.error)
  }

  return (
    <section className="enclosures" aria-labelledby={`${id}-title`}>
      <header className="enclosures-header">
        <h2 id={`${id}-title`}>Enclosures</h2>
        <span className="muted">Drop files on the editor, or</span>
        <button type="button" className="button small" onClick={() => input.current?.click()}>
          Add files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Add files"
          onChange={(e) => {
            onAdd([...(e.target.files ?? [])])
            e.target.value = '' // the same file may be picked again
          }}
        />
      </header>
      <ErrorNote error={error} context="The file couldn’t be removed" />
      {(enclosures.length > 0 || uploads.length > 0) && (
        <ul className="enclosure-items" aria-label="Attached files">
          {enclosures.map((e) => (
            <li key={e.name} className="enclosure">
              <span className="enclosure-name">{e.name}</span>
              <span className="muted">{e.type || 'unknown type'}</span>
              {maxFileSize !== undefined && e.size > maxFileSize ? (
                <span className="too-large">
                  {formatBytes(e.size)}: over this server’s {formatBytes(maxFileSize)} limit
                </span>
              ) : (
                <span className="muted">{formatBytes(e.size)}</span>
              )}
              <button
                type="button"
                className="button small"
                aria-label={`Remove ${e.name}`}
                disabled={removing === e.name}
                onClick={() => void remove(e.name)}
              >
                Remove
              </button>
            </li>
          ))}
          {uploads.map((u) => (
            <li key={`u${u.key}`} className="enclosure uploading">
              <span className="enclosure-name">{u.name}</span>
              {u.phase === 'failed' ? (
                <span className="inline-error">{errorText(u.error!, 'Not attached')}</span>
              ) : (
                <>
                  <progress value={u.sent} max={Math.max(u.size, 1)} aria-label={`Uploading ${u.name}`} />
                  <span className="muted">
                    {u.phase === 'attaching' ? 'Attaching…' : `${formatBytes(u.sent)} of ${formatBytes(u.size)}`}
                  </span>
                </>
              )}
              <button
                type="button"
                className="button small"
                aria-label={`${u.phase === 'failed' ? 'Dismiss' : 'Cancel upload of'} ${u.name}`}
                onClick={() => onCancel(u.key)}
              >
                {u.phase === 'failed' ? 'Dismiss' : 'Cancel'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
