import type { Toast } from './use-toasts'

interface Props {
  toasts: Toast[]
  onDismiss: (id: number) => void
}

/** A polite live region: screen readers announce each toast without stealing focus. */
export function Toasts({ toasts, onDismiss }: Props) {
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.level}`}>
          <div className="toast-text">
            <strong>{t.title}</strong>
            {t.body && <p>{t.body}</p>}
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
