import type { Job } from '../../../../shared/model'
import { formatWhen } from '../../lib/format'
import { stateLabels } from './job-state-badge'

/** Every state the job went through, folded away until asked for. */
export function JobHistory({ job }: { job: Job }) {
  if (job.history.length === 0) return null
  return (
    <details className="job-history">
      <summary>History ({job.history.length})</summary>
      <ol>
        {job.history.map((h, i) => (
          <li key={i}>
            <span className="muted">{formatWhen(h.at, undefined, true)}</span> {stateLabels[h.state]}
            {h.note && <span className="muted"> — {h.note}</span>}
          </li>
        ))}
      </ol>
    </details>
  )
}
