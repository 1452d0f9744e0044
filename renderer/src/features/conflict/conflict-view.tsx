import { useId, useState } from 'react'
import type { DraftConflict, ServerBase } from '../../../../shared/model'
import { formatWhen } from '../../lib/format'
import { DiffView } from './diff-view'

type Compare = 'changes' | 'direct' | 'texts'

interface Props {
  mine: { title: string; body: string }
  conflict: DraftConflict
  base: ServerBase | undefined
  busy: boolean
  onKeepMine: () => void
  onTakeTheirs: () => void
  onMerge: () => void
}

const compareLabels: Record<Compare, string> = {
  changes: 'Each side’s changes',
  direct: 'Theirs → mine',
  texts: 'Mine, theirs, base',
}

/** Shown instead of the preview when a publish found that the server copy changed since the base. */
export function ConflictView({ mine, conflict, base, busy, onKeepMine, onTakeTheirs, onMerge }: Props) {
  const [compare, setCompare] = useState<Compare>('changes')
  const id = useId()
  const theirs = conflict.theirs
  const baseText = base?.body ?? ''
  const titles = new Set([mine.title, theirs.title, base?.title ?? mine.title])

  return (
    <section className="conflict" aria-labelledby={`${id}-title`}>
      <header className="conflict-header">
        <h2 id={`${id}-title`}>This message changed on the server</h2>
        <p>
          Someone saved a different version{base?.msgnum !== undefined ? ` of message ${String(base.msgnum)}` : ''}{' '}
          after you opened it
          {base ? ` (${formatWhen(base.fetchedAt)})` : ''}; Upstream noticed at {formatWhen(conflict.detectedAt)} and
          sent nothing. Choose what the server should have.
        </p>
        <div className="conflict-actions">
          <button type="button" className="button" disabled={busy} onClick={onKeepMine}>
            Keep mine
          </button>
          <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
            Take theirs
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={onMerge}>
            Merge…
          </button>
        </div>
      </header>
      {titles.size > 1 && (
        <dl className="facts conflict-titles">
          <dt>My title</dt>
          <dd>{mine.title || '—'}</dd>
          <dt>Their title</dt>
          <dd>{theirs.title || '—'}</dd>
          {base && (
            <>
              <dt>Base title</dt>
              <dd>{base.title || '—'}</dd>
            </>
          )}
        </dl>
      )}
      <fieldset className="segmented">
        <legend className="visually-hidden">Compare</legend>
        {(Object.keys(compareLabels) as Compare[]).map((c) => (
          <label key={c} className={compare === c ? 'checked' : undefined}>
            <input
              type="radio"
              name={`${id}-compare`}
              value={c}
              checked={compare === c}
              onChange={() => setCompare(c)}
            />
            {compareLabels[c]}
          </label>
        ))}
      </fieldset>
      {compare === 'changes' && (
        <div className="conflict-columns">
          <div>
            <h3>Mine, since the base</h3>
            <DiffView label="My changes" from={baseText} to={mine.body} />
          </div>
          <div>
            <h3>Theirs, since the base</h3>
            <DiffView label="Their changes" from={baseText} to={theirs.body} />
          </div>
        </div>
      )}
      {compare === 'direct' && <DiffView label="From theirs to mine" from={theirs.body} to={mine.body} />}
      {compare === 'texts' && (
        <div className="conflict-columns three">
          {[
            ['Mine', mine.body],
            ['Theirs', theirs.body],
            ['Base', baseText],
          ].map(([name, text]) => (
            <div key={name}>
              <h3>{name}</h3>
              <pre className="conflict-text" tabIndex={0} aria-label={`${name}: full text`}>
                {text}
              </pre>
            </div>
          ))}
        </div>
      )}
    </section>
  )
}
