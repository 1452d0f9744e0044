import { useDeferredValue, useState, type Ref } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { DraftSummary } from '../../../../shared/model'
import { shortcutProps } from '../../app/commands'
import { formatWhen } from '../../lib/format'

interface Props {
  summaries: DraftSummary[] | null
  error: AppError | null
  selectedId: string | undefined
  onSelect: (id: string) => void
  onNew: () => void
  searchRef: Ref<HTMLInputElement>
}

// drafts.list takes no query yet, so the search filters the titles we already have.
const matches = (s: DraftSummary, q: string) => s.title.toLocaleLowerCase().includes(q)

export function DraftList({ summaries, error, selectedId, onSelect, onNew, searchRef }: Props) {
  const [query, setQuery] = useState('')
  const q = useDeferredValue(query.trim().toLocaleLowerCase())
  const shown = (summaries ?? []).filter((s) => matches(s, q))

  return (
    <aside className="draft-list" aria-label="Drafts">
      <div className="draft-list-top">
        <input
          ref={searchRef}
          type="search"
          className="search"
          placeholder="Search drafts"
          aria-label="Search drafts"
          {...shortcutProps('search', 'Search drafts')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="button" onClick={onNew} {...shortcutProps('new-draft', 'New draft')}>
          New
        </button>
      </div>
      {error && <p className="inline-error">{error.message}</p>}
      {summaries?.length === 0 && <p className="muted list-note">No drafts yet.</p>}
      {summaries && summaries.length > 0 && shown.length === 0 && <p className="muted list-note">No titles match “{query}”.</p>}
      <ul className="draft-items">
        {shown.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="draft-item"
              aria-current={s.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(s.id)}
            >
              <span className="draft-title">{s.title.trim() || 'Untitled'}</span>
              <span className="draft-when">
                {formatWhen(s.updatedAt)}
                {s.publishedUrl && (
                  <>
                    {' '}
                    <span className="pill">Published</span>
                  </>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  )
}
