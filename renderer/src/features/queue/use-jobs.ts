import { useCallback, useEffect, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import { onConnection } from '../../bridge'
import { mergeJobs, upsertJob } from './job-list'

/** The queue as the core reports it: listed once, then kept live by `queue.job` events. */
export function useJobs(api: UpstreamApi) {
  const [jobs, setJobs] = useState<Job[]>([])
  const [error, setError] = useState<AppError | null>(null)

  const refresh = useCallback(async () => {
    const r = await api.invoke('queue.list')
    if (r.ok) setJobs((prev) => mergeJobs(prev, r.value))
    setError(r.ok ? null : r.error)
  }, [api])

  const upsert = useCallback((job: Job) => setJobs((prev) => upsertJob(prev, job)), [])

  useEffect(() => {
    // Subscribe before listing so no update falls between the two.
    const offJob = api.on('queue.job', upsert)
    // After the event stream was down, events may have been missed: list again.
    const offConn = onConnection((status) => status === 'open' && void refresh())
    void refresh()
    return () => (offJob(), offConn())
  }, [api, refresh, upsert])

  return { jobs, error, upsert, refresh }
}
