import type { KeptReport } from '../../../shared/model'

interface Props {
  report: KeptReport | undefined
  /** Say so when everything was kept (the job does; the draft stays quiet then). */
  confirmKept?: boolean
}

/**
 * What the blog kept of a post, read back after publishing: warnings stand out (the writer's
 * readers will meet something else), routine rewrites fold away as information.
 */
export function KeptReportNote({ report, confirmKept = false }: Props) {
  if (!report) return null
  const warnings = report.notes.filter((n) => n.level === 'warning')
  const info = report.notes.filter((n) => n.level === 'info')
  return (
    <div className="kept-report">
      {warnings.length > 0 && (
        <div className="kept-warnings" role="status">
          <p>
            <strong>Published, but the blog did not keep everything as sent:</strong>
          </p>
          <ul>
            {warnings.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length === 0 && confirmKept && (
        <p className="muted kept-ok">Read back from the blog: every field was kept as sent.</p>
      )}
      {info.length > 0 && (
        <details className="kept-info">
          <summary className="muted">Routine changes by the blog ({info.length}) — the post reads the same</summary>
          <ul>
            {info.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
