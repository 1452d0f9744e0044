import { useId } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Account, DraftFormat, DraftKind } from '../../../../shared/model'
import { KeptReportNote } from '../../components/kept-report-note'
import { accountsFor, defaultAccountId } from './account-choices'
import { defaultPath } from './default-path'
import { kindLocked, replyParent, replyTarget, type EditorDraft } from './editor-draft'
import { PostFields } from './post-fields'

interface Props {
  api: UpstreamApi
  draft: EditorDraft
  accounts: Account[] | null
  onEdit: (patch: Partial<EditorDraft>) => void
  /** Starts a reply to this message in a new draft, its parent filled with the msgnum as the server gave it. */
  onReply?: (accountId: string, parent: string | number) => void
}

const formats: { value: DraftFormat; label: string }[] = [
  { value: 'html', label: 'HTML' },
  { value: 'markdown', label: 'Markdown' },
  { value: 'text', label: 'Plain text' },
]

const kinds: { value: DraftKind; label: string }[] = [
  { value: 'page', label: 'Web page' },
  { value: 'message', label: 'Discussion message' },
  { value: 'post', label: 'Weblog post' },
]

const accountLabel: Record<DraftKind, string> = { page: 'Web host', message: 'Discussion group', post: 'Weblog' }

/** Common MIME types for pages; any other can be typed. */
const mimeTypes = [
  'text/html',
  'text/plain',
  'text/css',
  'text/xml',
  'application/rss+xml',
  'application/json',
  'text/markdown',
]

/** What the draft is, where it goes, and how its body is written. */
export function DraftMeta({ api, draft, accounts, onEdit, onReply }: Props) {
  const choices = accountsFor(draft.kind, accounts ?? [])
  const known = choices.some((a) => a.id === draft.accountId)
  const derived = defaultPath(draft.title, draft.format)
  const id = useId() // labels sit beside their controls, so a select's name isn't "Account Local sandbox"
  const locked = kindLocked(draft)
  const parent = replyParent(draft)

  const changeKind = (kind: DraftKind) => onEdit({ kind, accountId: defaultAccountId(kind, accounts ?? []) })

  return (
    <div className="draft-meta">
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          disabled={locked}
          title={locked ? 'This draft is tied to what it was published as' : undefined}
          onChange={(e) => changeKind(e.target.value as DraftKind)}
        >
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-account`}>{accountLabel[draft.kind]}</label>
        <select
          id={`${id}-account`}
          value={draft.accountId ?? ''}
          onChange={(e) => onEdit({ accountId: e.target.value || null })}
        >
          {!known && (
            <option value={draft.accountId ?? ''}>
              {accounts === null ? 'Loading…' : choices.length ? 'Choose an account' : 'No account of this kind'}
            </option>
          )}
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {draft.kind === 'message' && (
        <div className="field">
          <label htmlFor={`${id}-reply`}>In reply to</label>
          <input
            id={`${id}-reply`}
            className="msgnum-input"
            value={draft.inResponseTo === 0 ? '' : String(draft.inResponseTo)}
            placeholder="new thread"
            spellCheck={false}
            inputMode="numeric"
            aria-describedby={`${id}-reply-hint`}
            disabled={locked}
            onChange={(e) => onEdit({ inResponseTo: replyTarget(e.target.value, draft.inResponseTo) })}
          />
          {onReply && parent !== undefined && draft.accountId && (
            <button
              type="button"
              className="button"
              title={`Write a reply to message ${String(parent)}`}
              onClick={() => onReply(draft.accountId!, parent)}
            >
              Reply
            </button>
          )}
          <span id={`${id}-reply-hint`} className="visually-hidden">
            The parent message’s number exactly as the server shows it, leading zeros included; empty for a new thread.
          </span>
        </div>
      )}
      {draft.kind === 'page' && (
        <>
          <div className="field path-field">
            <label htmlFor={`${id}-path`}>Relative path</label>
            <input
              id={`${id}-path`}
              value={draft.pathAuto ? derived : draft.relativePath}
              placeholder={derived}
              spellCheck={false}
              onChange={(e) => onEdit({ relativePath: e.target.value, pathAuto: false })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-mime`}>MIME type</label>
            <input
              id={`${id}-mime`}
              className="mime-input"
              list={`${id}-mimes`}
              value={draft.mimeType}
              placeholder="automatic"
              spellCheck={false}
              onChange={(e) => onEdit({ mimeType: e.target.value })}
            />
            <datalist id={`${id}-mimes`}>
              {mimeTypes.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          value={draft.format}
          onChange={(e) => onEdit({ format: e.target.value as DraftFormat })}
        >
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {draft.kind === 'post' && (
        <PostFields
          key={draft.localKey}
          api={api}
          post={draft.post}
          account={choices.find((a) => a.id === draft.accountId)}
          onEdit={(post) => onEdit({ post })}
        />
      )}
      {draft.kind === 'post' && <KeptReportNote report={draft.published.at(-1)?.kept} />}
    </div>
  )
}
