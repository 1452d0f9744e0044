import { useEffect, useRef } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Account, Job } from '../../../../shared/model'
import { shortcutHint } from '../../app/commands'
import { JobItem } from './job-item'
import { useJobActions } from './use-job-actions'

interface Props {
  api: UpstreamApi
  jobs: Job[]
  error: AppError | null
  accounts: Account[] | null
  /** The job just published: brought into view and focused once it is listed. */
  focusJobId: string | null
  onFocused: () => void
  upsert: (job: Job) => void
  notify: (n: Events['notification']) => void
}

export function QueueView({ api, jobs, error, accounts, focusJobId, onFocused, upsert, notify }: Props) {
  const items = useRef(new Map<string, HTMLLIElement>())
  const { act, all, busy } = useJobActions(api, upsert, notify)
  const canPause = jobs.some((j) => j.state === 'queued' || j.state === 'waiting-retry' || j.state === 'waiting-network')
  const canResume = jobs.some((j) => j.state === 'paused')

  useEffect(() => {
    const el = focusJobId ? items.current.get(focusJobId) : undefined
    if (!el) return
    el.scrollIntoView({ block: 'nearest' })
    el.focus()
    onFocused()
  }, [focusJobId, jobs, onFocused])

  return (
    <section className="area-page" aria-labelledby="queue-title">
      <header className="area-header">
        <h1 id="queue-title">Publish queue</h1>
        {canPause && (
          <button type="button" className="button small" disabled={busy.has('all:pause')} onClick={() => void all('pause')}>
            Pause all
          </button>
        )}
        {canResume && (
          <button type="button" className="button small" disabled={busy.has('all:resume')} onClick={() => void all('resume')}>
            Resume all
          </button>
        )}
      </header>
      {error && <p className="inline-error">{error.message}</p>}
      {jobs.length === 0 && !error && (
        <p className="empty-note">Nothing in the queue. Write a page and press Publish ({shortcutHint('publish')}) to send it.</p>
      )}
      <ul className="jobs" aria-label="Jobs">
        {jobs.map((job) => (
          <JobItem
            key={job.id}
            job={job}
            account={accounts?.find((a) => a.id === job.accountId)}
            busy={busy.has(job.id)}
            onAction={(j, a) => void act(j, a)}
            ref={(el) => void (el ? items.current.set(job.id, el) : items.current.delete(job.id))}
          />
        ))}
      </ul>
    </section>
  )
}
