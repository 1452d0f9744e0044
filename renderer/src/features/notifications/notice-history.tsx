import type { NoticeEntry } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import { ErrorNote } from '../../components/error-note'
import { ModalDialog } from '../../components/modal-dialog'
import { formatWhen } from '../../lib/format'

interface Props {
  entries: NoticeEntry[]
  error: AppError | null
  onClose: () => void
  onClear: () => void
  onShowJob: (jobId: string) => void
  onOpenDraft: (draftId: string) => void
}

/** The queue's badge colours (job-state-badge.tsx), so a level reads the same everywhere. */
const tone: Record<NoticeEntry['level'], string> = {
  info: 'neutral',
  success: 'good',
  warning: 'waiting',
  error: 'attention',
}

const levelWord: Record<NoticeEntry['level'], string> = {
  info: 'Info',
  success: 'Done',
  warning: 'Warning',
  error: 'Error',
}

/** Every notice the app gave, newest first, each with a way to what it was about. */
export function NoticeHistory({ entries, error, onClose, onClear, onShowJob, onOpenDraft }: Props) {
  const now = new Date()
  return (
    <ModalDialog
      title="Notifications"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClear} disabled={entries.length === 0}>
            Clear history
          </button>
          <button type="button" className="button primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {error && <ErrorNote error={error} />}
      {entries.length === 0 && !error && <p className="muted">Nothing yet: what Upstream tells you is kept here.</p>}
      <ul className="notice-history" aria-label="Notification history">
        {entries.map((n) => (
          <li key={n.id} className={`notice notice-${n.level}`} data-level={n.level}>
            <div className="notice-head">
              <span className={`badge badge-${tone[n.level]}`}>{levelWord[n.level]}</span>
              <strong>{n.title}</strong>
              <time dateTime={n.at} className="muted">
                {formatWhen(n.at, now, true)}
              </time>
            </div>
            {n.body && <p className="notice-body">{n.body}</p>}
            {(n.jobId || n.draftId) && (
              <div className="notice-links">
                {n.jobId && (
                  <button type="button" className="link-button" onClick={() => onShowJob(n.jobId!)}>
                    Show job
                  </button>
                )}
                {n.draftId && (
                  <button type="button" className="link-button" onClick={() => onOpenDraft(n.draftId!)}>
                    Open draft
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </ModalDialog>
  )
}
