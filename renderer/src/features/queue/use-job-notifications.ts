import { useEffect, useRef } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { Job, JobState } from '../../../../shared/model'

// The core announces done and needs-attention itself (`notification`, shown by useToasts); an
// unknown outcome it leaves to the queue view, but the writer should hear of it wherever they are.
const worthSaying: Partial<Record<JobState, Events['notification']['level']>> = { unknown: 'warning' }

/** A toast when a job's outcome became unknown, seen as it happens (queue.job), once per job. */
export function useJobNotifications(api: UpstreamApi, notify: (n: Events['notification']) => void): void {
  const said = useRef(new Map<string, JobState>())
  useEffect(
    () =>
      api.on('queue.job', (job: Job) => {
        const level = worthSaying[job.state]
        if (!level || said.current.get(job.id) === job.state) return
        said.current.set(job.id, job.state)
        notify({
          level,
          title: 'Not sure it was posted',
          body: `${job.label}: the answer was lost. See the publish queue.`,
        })
      }),
    [api, notify],
  )
}
