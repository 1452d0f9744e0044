import { useEffect, useRef } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { Job, JobState } from '../../../../shared/model'

const worthSaying: Partial<Record<JobState, Events['notification']['level']>> = {
  done: 'success',
  'needs-attention': 'error',
  unknown: 'warning',
}

/**
 * A toast when a job finishes or needs the writer, seen as it happens (queue.job), once per state.
 * The core's own `notification` events (certificates, callbacks) are shown by useToasts.
 */
export function useJobNotifications(api: UpstreamApi, notify: (n: Events['notification']) => void): void {
  const said = useRef(new Map<string, JobState>())
  useEffect(
    () =>
      api.on('queue.job', (job: Job) => {
        const level = worthSaying[job.state]
        if (!level || said.current.get(job.id) === job.state) return
        said.current.set(job.id, job.state)
        if (job.state === 'done') notify({ level, title: 'Published', body: job.label })
        else if (job.state === 'unknown') notify({ level, title: 'Not sure it was posted', body: `${job.label}: the answer was lost. See the publish queue.` })
        else notify({ level, title: 'Needs your attention', body: `${job.label}: ${job.error?.message ?? 'see the publish queue.'}` })
      }),
    [api, notify],
  )
}
