import { useId } from 'react'
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
  const id = useId() // labels sit beside their controls, so a select's name isn't "Account Local sandbox"

  return (
    <div className="draft-meta">
      {draft.kind === 'page' && (
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
      )}
      <div className="field">
        <label htmlFor={`${id}-account`}>Account</label>
        <select id={`${id}-account`} value={draft.accountId ?? ''} onChange={(e) => onEdit({ accountId: e.target.value || null })}>
          {!known && <option value={draft.accountId ?? ''}>{accounts === null ? 'Loading…' : 'Choose an account'}</option>}
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={draft.format} onChange={(e) => onEdit({ format: e.target.value as DraftFormat })}>
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
