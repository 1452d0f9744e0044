import { useCallback, useState } from 'react'
import type { Events, Input, UpstreamApi } from '../../../../shared/api'
import type { Job } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import type { JobAction } from './job-actions'

/** Runs queue actions; the answer updates the list at once, the queue.job events follow. */
export function useJobActions(
  api: UpstreamApi,
  upsert: (job: Job) => void,
  notify: (n: Events['notification']) => void,
) {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set())

  const track = useCallback(
    async (key: string, title: string, call: () => Promise<Result<Job | Job[]>>): Promise<boolean> => {
      setBusy((s) => new Set(s).add(key))
      const r = await call()
      setBusy((s) => new Set([...s].filter((k) => k !== key)))
      if (r.ok) (Array.isArray(r.value) ? r.value : [r.value]).forEach(upsert)
      else notify({ level: 'error', title, body: r.error.message })
      return r.ok
    },
    [upsert, notify],
  )

  const act = useCallback(
    (job: Job, action: JobAction) =>
      track(job.id, `Couldn’t ${action === 'retry' ? 'retry' : action} “${job.label}”`, () => {
        const input = { jobId: job.id }
        if (action === 'retry') return api.invoke('queue.retry', input)
        if (action === 'cancel') return api.invoke('queue.cancel', input)
        return api.invoke(action === 'pause' ? 'queue.pause' : 'queue.resume', input)
      }),
    [api, track],
  )

  const all = useCallback(
    (action: 'pause' | 'resume') =>
      track(`all:${action}`, `Couldn’t ${action} the queue`, () =>
        api.invoke(action === 'pause' ? 'queue.pause' : 'queue.resume', {}),
      ),
    [api, track],
  )

  const resolve = useCallback(
    (input: Input<'queue.resolve'>) =>
      track(input.jobId, 'Couldn’t resolve the job', () => api.invoke('queue.resolve', input)),
    [api, track],
  )

  return { act, all, resolve, busy }
}
