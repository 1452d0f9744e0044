import type { JsonValue } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import { formatBytes, formatWhen } from '../../lib/format'
import { JobStateBadge } from '../queue/job-state-badge'

interface Ping {
  server: string
  ok: boolean
  message: string
}

const isPing = (v: JsonValue): v is Ping & { [k: string]: JsonValue } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof v.server === 'string' &&
  typeof v.ok === 'boolean' &&
  typeof v.message === 'string'

/**
 * The newest sync as the queue runs it: its state, progress, what stopped it
 * (naming each file that did not go), and each ping's reply.
 */
export function SyncJob({ job }: { job: Job }) {
  const members = job.result?.members ?? {}
  const pings = Array.isArray(members.pings) ? members.pings.filter(isPing) : []
  return (
    <div className="weblog-sync" aria-label="Latest sync" role="group">
      <p className="weblog-sync-top">
        <JobStateBadge state={job.state} />
        <span className="muted">
          {job.state === 'done'
            ? `${Number(members.uploaded ?? 0)} sent, ${Number(members.deleted ?? 0)} deleted`
            : job.label}{' '}
          · {formatWhen(job.updatedAt)}
        </span>
      </p>
      {job.progress && job.state === 'sending' && (
        <div className="job-progress">
          <progress value={job.progress.sent} max={Math.max(job.progress.total, 1)} aria-label="Sync progress" />
          <span className="muted">
            {formatBytes(job.progress.sent)} of {formatBytes(job.progress.total)}
          </span>
        </div>
      )}
      {job.error && job.state !== 'done' && job.state !== 'cancelled' && (
        <p className="job-error">{job.error.message}</p>
      )}
      {pings.length > 0 && (
        <ul className="weblog-pings" aria-label="Ping replies">
          {pings.map((p) => (
            <li key={p.server} className={p.ok ? undefined : 'weblog-bad'}>
              Ping to <code>{p.server}</code>: {p.ok ? `“${p.message}”` : `failed — ${p.message}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
