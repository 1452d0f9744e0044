import { memo, useCallback, useEffect, useRef, useState } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Account, Job } from '../../../../shared/model'
import { shortcutHint } from '../../app/commands'
import { ErrorNote } from '../../components/error-note'
import type { JobAction } from './job-actions'
import { JobItem } from './job-item'
import { ResolveDialog } from './resolve-dialog'
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
  onShowWire: (job: Job) => void
  onOpenDraft: (draftId: string) => void
}

export const QueueView = memo(function QueueView({
  api,
  jobs,
  error,
  accounts,
  focusJobId,
  onFocused,
  upsert,
  notify,
  onShowWire,
  onOpenDraft,
}: Props) {
  const items = useRef(new Map<string, HTMLLIElement>())
  const { act, all, resolve, busy } = useJobActions(api, upsert, notify)
  const [resolving, setResolving] = useState<Job | null>(null)
  const register = useCallback(
    (id: string, el: HTMLLIElement | null) => void (el ? items.current.set(id, el) : items.current.delete(id)),
    [],
  )
  const onAction = useCallback((j: Job, a: JobAction) => void act(j, a), [act])
  // A Contributor's refused publish: the same draft again, as pending (publish.draft cancels the refused job).
  const onSubmitForReview = useCallback(
    async (j: Job) => {
      const r = await api.invoke('publish.draft', { draftId: j.draftId, accountId: j.accountId, submitForReview: true })
      if (r.ok) upsert(r.value)
      else notify({ level: 'error', title: 'Not submitted for review', body: r.error.message })
    },
    [api, upsert, notify],
  )
  const canPause = jobs.some(
    (j) => j.state === 'queued' || j.state === 'waiting-retry' || j.state === 'waiting-network',
  )
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
          <button
            type="button"
            className="button small"
            disabled={busy.has('all:pause')}
            onClick={() => void all('pause')}
          >
            Pause all
          </button>
        )}
        {canResume && (
          <button
            type="button"
            className="button small"
            disabled={busy.has('all:resume')}
            onClick={() => void all('resume')}
          >
            Resume all
          </button>
        )}
      </header>
      <ErrorNote error={error} context="The queue couldn’t be listed" />
      {jobs.length === 0 && !error && (
        <p className="empty-note">
          Nothing in the queue. Write a page and press Publish ({shortcutHint('publish')}) to send it.
        </p>
      )}
      <ul className="jobs" aria-label="Jobs">
        {jobs.map((job) => (
          <JobItem
            key={job.id}
            job={job}
            account={accounts?.find((a) => a.id === job.accountId)}
            busy={busy.has(job.id)}
            onAction={onAction}
            onResolve={setResolving}
            onShowWire={onShowWire}
            onOpenDraft={onOpenDraft}
            onSubmitForReview={(j) => void onSubmitForReview(j)}
            register={register}
          />
        ))}
      </ul>
      {resolving && (
        <ResolveDialog
          job={jobs.find((j) => j.id === resolving.id) ?? resolving}
          busy={busy.has(resolving.id)}
          onClose={() => setResolving(null)}
          onResolve={(input) => void resolve(input).then((ok) => ok && setResolving(null))}
        />
      )}
    </section>
  )
})
