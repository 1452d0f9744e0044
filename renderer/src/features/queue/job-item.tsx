import { memo, useCallback } from 'react'
import type { Account, Job } from '../../../../shared/model'
import { KeptReportNote } from '../../components/kept-report-note'
import { formatBytes, formatWhen } from '../../lib/format'
import { safeHttpUrl } from '../../lib/safe-url'
import { actionLabels, actionsFor, canResolve, type JobAction } from './job-actions'
import { JobHistory } from './job-history'
import { JobStateBadge } from './job-state-badge'

interface Props {
  job: Job
  account: Account | undefined
  busy: boolean
  onAction: (job: Job, action: JobAction) => void
  onResolve: (job: Job) => void
  onShowWire: (job: Job) => void
  onOpenDraft: (draftId: string) => void
  /** The blog refused to publish for the account's role: send the post for review instead. */
  onSubmitForReview?: (job: Job) => void
  /** Where the list keeps each job's element, to bring a new one into view. */
  register: (jobId: string, el: HTMLLIElement | null) => void
}

/** One job: what, where, how far, and what the server said. Memoised: progress ticks change one job. */
export const JobItem = memo(function JobItem({
  job,
  account,
  busy,
  onAction,
  onResolve,
  onShowWire,
  onOpenDraft,
  onSubmitForReview,
  register,
}: Props) {
  const ref = useCallback((el: HTMLLIElement | null) => register(job.id, el), [register, job.id])
  const url = job.state === 'done' ? safeHttpUrl(job.result?.url) : null
  const headingId = `job-${job.id}-label`
  const showError = job.error && job.state !== 'done' && job.state !== 'cancelled'
  const actions = actionsFor(job)
  const blog = job.action.startsWith('blog.') // a post on a blog, not a message in a group

  return (
    <li ref={ref} className={`job job-${job.state}`} tabIndex={-1} aria-labelledby={headingId}>
      <div className="job-top">
        <h3 id={headingId} className="job-label">
          {job.label}
        </h3>
        <JobStateBadge state={job.state} />
      </div>
      <p className="job-facts muted">
        {account ? account.name : 'Unknown account'} · {job.attempts === 1 ? '1 attempt' : `${job.attempts} attempts`} ·
        queued {formatWhen(job.createdAt)}
        {job.state === 'waiting-retry' && job.nextAttemptAt && (
          <> · next try {formatWhen(job.nextAttemptAt, undefined, true)}</>
        )}
        {job.result?.msgnum !== undefined && (
          <>
            {' '}
            · {blog ? 'post' : 'message'} {String(job.result.msgnum)}
          </>
        )}
      </p>
      {job.progress && job.state === 'sending' && (
        <div className="job-progress">
          <progress
            value={job.progress.sent}
            max={Math.max(job.progress.total, 1)}
            aria-label={`Upload progress for ${job.label}`}
          />
          <span className="muted">
            {formatBytes(job.progress.sent)} of {formatBytes(job.progress.total)}
          </span>
        </div>
      )}
      {showError && <p className="job-error">{job.error!.message}</p>}
      {job.state === 'unknown' && (
        <p className="job-note">
          {job.uncertain?.status === 'searching'
            ? `The answer was lost after the ${blog ? 'post' : 'message'} may have reached the server. Upstream is looking for it there; it will not post it twice.`
            : `The answer was lost after the ${blog ? 'post' : 'message'} may have reached the server, and Upstream couldn’t tell whether it did. Check the ${blog ? 'blog' : 'group'}, then say.`}
        </p>
      )}
      {url && (
        <p className="job-result">
          <a href={url} target="_blank" rel="noopener noreferrer" aria-label="Open published page">
            Open published page
          </a>{' '}
          <code className="job-url">{url}</code>
        </p>
      )}
      {job.state === 'done' && <KeptReportNote report={job.result?.kept} confirmKept />}
      <div className="job-actions">
        {job.state === 'needs-attention' && job.error?.kind === 'conflict' && (
          <button type="button" className="button small primary" onClick={() => onOpenDraft(job.draftId)}>
            Compare versions…
          </button>
        )}
        {job.state === 'needs-attention' && job.error?.details?.choice === 'submitForReview' && onSubmitForReview && (
          <button type="button" className="button small primary" disabled={busy} onClick={() => onSubmitForReview(job)}>
            Submit for review
          </button>
        )}
        {canResolve(job) && (
          <button type="button" className="button small primary" disabled={busy} onClick={() => onResolve(job)}>
            Resolve…
          </button>
        )}
        {actions.map((a) => (
          <button key={a} type="button" className="button small" disabled={busy} onClick={() => onAction(job, a)}>
            {actionLabels[a]}
          </button>
        ))}
        {job.attempts > 0 && (
          <button
            type="button"
            className="button small"
            aria-label={`Show the wire exchange for ${job.label}`}
            title="The XML-RPC request and answer, in the inspector"
            onClick={() => onShowWire(job)}
          >
            Show the wire exchange
          </button>
        )}
      </div>
      <JobHistory job={job} />
    </li>
  )
})
