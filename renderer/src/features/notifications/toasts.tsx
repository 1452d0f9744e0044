import type { Toast } from './use-toasts'

interface Props {
  toasts: Toast[]
  onDismiss: (id: number) => void
  /** Shows the job a notice is about, in the queue. */
  onShowJob: (jobId: string) => void
}

/** A polite live region: screen readers announce each toast without stealing focus. */
export function Toasts({ toasts, onDismiss, onShowJob }: Props) {
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.level}`} data-level={t.level} data-job-id={t.jobId}>
          <div className="toast-text">
            <strong>{t.title}</strong>
            {t.body && <p>{t.body}</p>}
            {t.jobId && t.level !== 'success' && (
              <button type="button" className="link-button" onClick={() => onShowJob(t.jobId!)}>
                Show in queue
              </button>
            )}
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notification"
            title="Dismiss"
            onClick={() => onDismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
