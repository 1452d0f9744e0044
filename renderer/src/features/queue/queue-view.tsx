import { useEffect, useRef } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { Account, Job } from '../../../../shared/model'
import { shortcutHint } from '../../app/commands'
import { JobItem } from './job-item'

interface Props {
  jobs: Job[]
  error: AppError | null
  accounts: Account[] | null
  /** The job just published: brought into view and focused once it is listed. */
  focusJobId: string | null
  onFocused: () => void
}

export function QueueView({ jobs, error, accounts, focusJobId, onFocused }: Props) {
  const items = useRef(new Map<string, HTMLLIElement>())

  useEffect(() => {
    const el = focusJobId ? items.current.get(focusJobId) : undefined
    if (!el) return
    el.scrollIntoView({ block: 'nearest' })
    el.focus()
    onFocused()
  }, [focusJobId, jobs, onFocused])

  return (
    <section className="area-page" aria-labelledby="queue-title">
      <h1 id="queue-title">Publish queue</h1>
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
            ref={(el) => void (el ? items.current.set(job.id, el) : items.current.delete(job.id))}
          />
        ))}
      </ul>
    </section>
  )
}
