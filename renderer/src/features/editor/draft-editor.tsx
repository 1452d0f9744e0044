import { lazy, Suspense, useDeferredValue, type Ref } from 'react'
import type { Account } from '../../../../shared/model'
import { shortcutProps } from '../../app/commands'
import { safeHttpUrl } from '../../lib/safe-url'
import { DraftMeta } from './draft-meta'
import type { EditorDraft } from './editor-draft'
import { PreviewPane } from './preview-pane'
import { textStats } from './text-stats'

const BodyEditor = lazy(() => import('./body-editor'))

interface Props {
  draft: EditorDraft
  accounts: Account[] | null
  publishing: boolean
  titleRef: Ref<HTMLInputElement>
  onEdit: (patch: Partial<EditorDraft>) => void
  onSave: () => void
  onPublish: () => void
}

export function DraftEditor({ draft, accounts, publishing, titleRef, onEdit, onSave, onPublish }: Props) {
  const body = useDeferredValue(draft.body)
  const stats = textStats(body, draft.format)
  const lastUrl = safeHttpUrl(draft.published.findLast((p) => p.url)?.url)

  return (
    <section className="draft-editor" aria-label="Editor">
      <header className="draft-header">
        <input
          ref={titleRef}
          className="title-input"
          aria-label="Title"
          placeholder="Title"
          value={draft.title}
          onChange={(e) => onEdit({ title: e.target.value })}
        />
        <button type="button" className="button" onClick={onSave} {...shortcutProps('save', 'Save')}>
          Save
        </button>
        <button type="button" className="button primary" onClick={onPublish} disabled={publishing} {...shortcutProps('publish', 'Publish')}>
          {publishing ? 'Publishing…' : 'Publish'}
        </button>
      </header>
      <DraftMeta draft={draft} accounts={accounts} onEdit={onEdit} />
      <div className="panes">
        <div className="pane body-pane">
          <header className="pane-header">
            <h2>Body</h2>
          </header>
          <Suspense fallback={<p className="muted pane-note">Loading editor…</p>}>
            <BodyEditor sessionKey={draft.localKey} initialValue={draft.body} format={draft.format} onChange={(v) => onEdit({ body: v })} />
          </Suspense>
        </div>
        <PreviewPane body={body} format={draft.format} />
      </div>
      <footer className="draft-footer">
        <span>
          {stats.words.toLocaleString()} {stats.words === 1 ? 'word' : 'words'} · {stats.characters.toLocaleString()}{' '}
          {stats.characters === 1 ? 'character' : 'characters'}
        </span>
        {lastUrl && (
          <span>
            Last published at{' '}
            <a href={lastUrl} target="_blank" rel="noopener noreferrer">
              {lastUrl}
            </a>
          </span>
        )}
      </footer>
    </section>
  )
}
