import type { DraftSummary } from '../../../../shared/model'
import { formatWhen } from '../../lib/format'
import { kindLabel } from './draft-groups'

interface Props {
  className?: string
  summary: DraftSummary
  selected: boolean
  onSelect: (id: string) => void
}

export function DraftListItem({ className, summary: s, selected, onSelect }: Props) {
  return (
    <li className={className}>
      <button
        type="button"
        className="draft-item"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(s.id)}
      >
        <span className="draft-title">{s.title.trim() || 'Untitled'}</span>
        <span className="draft-when">
          {kindLabel[s.kind]} · {formatWhen(s.updatedAt)}
          {s.publishedUrl && (
            <>
              {' '}
              <span className="pill">Published</span>
            </>
          )}
          {s.statuses?.map((label) => (
            <span key={label}>
              {' '}
              <span className="pill">{label}</span>
            </span>
          ))}
        </span>
      </button>
    </li>
  )
}
