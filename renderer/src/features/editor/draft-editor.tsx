import { lazy, Suspense, useDeferredValue, useState, type DragEvent, type Ref } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Account, Draft } from '../../../../shared/model'
import { shortcutProps } from '../../app/commands'
import { formatCount } from '../../lib/format'
import { safeHttpUrl } from '../../lib/safe-url'
import { useMaxFileSize } from '../accounts/connection-reports'
import { VersionHistory } from './version-history'
import { ConflictView } from '../conflict/conflict-view'
import { BodyLimit } from './body-limit'
import { DeleteFromBlog } from './delete-from-blog'
import { DraftMeta } from './draft-meta'
import type { EditorDraft } from './editor-draft'
import { EnclosuresPanel } from './enclosures-panel'
import { PreviewPane } from './preview-pane'
import { textStats } from './text-stats'
import type { Upload } from './use-uploads'

const loadBodyEditor = () => import('./body-editor')
const BodyEditor = lazy(loadBodyEditor)
// Monaco is most of what the app loads: fetch and parse it while the shell paints and the draft
// list loads, so the editor is ready by the time a draft is opened (the lazy chunk is shared).
if (typeof window !== 'undefined') setTimeout(() => void loadBodyEditor(), 0)

interface Props {
  api: UpstreamApi
  draft: EditorDraft
  accounts: Account[] | null
  publishing: boolean
  titleRef: Ref<HTMLInputElement>
  onEdit: (patch: Partial<EditorDraft>) => void
  onSave: () => void
  onPublish: () => void
  uploads: { uploads: Upload[]; add: (files: File[]) => void; cancel: (key: number) => void }
  onServerDraft: (d: Draft) => void
  onReply?: (accountId: string, parent: string | number) => void
  conflict: { busy: boolean; onKeepMine: () => void; onTakeTheirs: () => void; onMerge: () => void }
}

const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files')

export function DraftEditor({
  api,
  draft,
  accounts,
  publishing,
  titleRef,
  onEdit,
  onSave,
  onPublish,
  uploads,
  onServerDraft,
  onReply,
  conflict,
}: Props) {
  const body = useDeferredValue(draft.body)
  const stats = textStats(body, draft.format)
  const lastUrl = safeHttpUrl(draft.published.findLast((p) => p.url)?.url)
  const account = accounts?.find((a) => a.id === draft.accountId)
  const maxFileSize = useMaxFileSize(account)
  const [dropping, setDropping] = useState(false)
  const [history, setHistory] = useState(false)
  const [replacement, setReplacement] = useState<{ text: string; seq: number }>()
  const takesFiles = draft.kind !== 'page'

  const dropProps = takesFiles
    ? {
        onDragOver: (e: DragEvent) => {
          if (!hasFiles(e)) return
          e.preventDefault()
          e.dataTransfer.dropEffect = 'copy'
          setDropping(true)
        },
        onDragLeave: (e: DragEvent) => e.currentTarget === e.target && setDropping(false),
        onDrop: (e: DragEvent) => {
          if (!hasFiles(e)) return
          e.preventDefault()
          setDropping(false)
          uploads.add([...e.dataTransfer.files])
        },
      }
    : {}

  return (
    <section className={`draft-editor${dropping ? ' dropping' : ''}`} aria-label="Editor" {...dropProps}>
      <header className="draft-header">
        <input
          ref={titleRef}
          className="title-input"
          aria-label="Title"
          placeholder={
            draft.kind === 'message' && draft.inResponseTo !== 0
              ? 'Title (empty: “Re:” and the parent’s title)'
              : 'Title'
          }
          value={draft.title}
          onChange={(e) => onEdit({ title: e.target.value })}
        />
        <button type="button" className="button" onClick={() => setHistory(true)} title="Every saved version">
          History…
        </button>
        <button type="button" className="button" onClick={onSave} {...shortcutProps('save', 'Save')}>
          Save
        </button>
        <button
          type="button"
          className="button primary"
          onClick={onPublish}
          disabled={publishing || draft.conflict !== undefined}
          {...shortcutProps('publish', draft.conflict ? 'Resolve the conflict first' : 'Publish')}
        >
          {publishing ? 'Publishing…' : 'Publish'}
        </button>
      </header>
      {history && draft.id && (
        <VersionHistory
          api={api}
          draftId={draft.id}
          current={draft}
          onClose={() => setHistory(false)}
          onRestore={(v) => {
            // A restore is an edit like any other, saved at once: the text it replaces is kept too.
            onEdit({ title: v.title, body: v.body, format: v.format })
            setReplacement((r) => ({ text: v.body, seq: (r?.seq ?? 0) + 1 }))
            onSave()
            setHistory(false)
          }}
        />
      )}
      <DraftMeta api={api} draft={draft} accounts={accounts} onEdit={onEdit} onReply={onReply} />
      {draft.base && !draft.conflict && (
        <p className="base-note muted">
          Opened from the server{draft.base.msgnum !== undefined ? ` (message ${String(draft.base.msgnum)})` : ''}:
          publishing saves your edits back to it.
        </p>
      )}
      {draft.kind === 'post' && <DeleteFromBlog api={api} draft={draft} account={account} />}
      <div className={`panes${draft.conflict ? ' in-conflict' : ''}`}>
        <div className="pane body-pane">
          <header className="pane-header">
            <h2>Body</h2>
          </header>
          <Suspense fallback={<p className="muted pane-note">Loading editor…</p>}>
            <BodyEditor
              sessionKey={draft.localKey}
              initialValue={draft.body}
              format={draft.format}
              onChange={(v) => onEdit({ body: v })}
              replacement={replacement}
            />
          </Suspense>
        </div>
        {draft.conflict ? (
          <div className="pane conflict-pane">
            <ConflictView
              mine={{ title: draft.title, body: draft.body }}
              conflict={draft.conflict}
              base={draft.base}
              {...conflict}
            />
          </div>
        ) : (
          <PreviewPane api={api} body={body} format={draft.format} neutersTags={draft.kind === 'message'} />
        )}
      </div>
      {takesFiles && (
        <EnclosuresPanel
          api={api}
          draftId={draft.id}
          enclosures={draft.enclosures}
          uploads={uploads.uploads}
          onAdd={uploads.add}
          onCancel={uploads.cancel}
          onDraft={onServerDraft}
          maxFileSize={maxFileSize}
        />
      )}
      <footer className="draft-footer">
        <span>
          {formatCount(stats.words)} {stats.words === 1 ? 'word' : 'words'} · {formatCount(stats.characters)}{' '}
          {stats.characters === 1 ? 'character' : 'characters'}
        </span>
        <BodyLimit body={body} maxFileSize={maxFileSize} />
        {lastUrl && (
          <span className="last-url">
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
