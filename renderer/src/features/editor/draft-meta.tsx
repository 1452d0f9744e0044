import type { Account, DraftFormat } from '../../../../shared/model'
import { accountsFor } from './account-choices'
import { defaultPath } from './default-path'
import type { EditorDraft } from './editor-draft'

interface Props {
  draft: EditorDraft
  accounts: Account[] | null
  onEdit: (patch: Partial<EditorDraft>) => void
}

const formats: { value: DraftFormat; label: string }[] = [
  { value: 'html', label: 'HTML' },
  { value: 'markdown', label: 'Markdown' },
  { value: 'text', label: 'Plain text' },
]

/** Where the page goes and how its body is written. */
export function DraftMeta({ draft, accounts, onEdit }: Props) {
  const choices = accountsFor(draft.kind, accounts ?? [])
  const known = choices.some((a) => a.id === draft.accountId)
  const derived = defaultPath(draft.title, draft.format)

  return (
    <div className="draft-meta">
      {draft.kind === 'page' && (
        <label className="field path-field">
          <span>Relative path</span>
          <input
            value={draft.pathAuto ? derived : draft.relativePath}
            placeholder={derived}
            spellCheck={false}
            onChange={(e) => onEdit({ relativePath: e.target.value, pathAuto: false })}
          />
        </label>
      )}
      <label className="field">
        <span>Account</span>
        <select value={draft.accountId ?? ''} onChange={(e) => onEdit({ accountId: e.target.value || null })}>
          {!known && <option value={draft.accountId ?? ''}>{accounts === null ? 'Loading…' : 'Choose an account'}</option>}
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Format</span>
        <select value={draft.format} onChange={(e) => onEdit({ format: e.target.value as DraftFormat })}>
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
