import type { Job } from '../../shared/model'

/** What the publisher does next with a job: send it, see if the network is back, or look on the server. */
export type Step = 'attempt' | 'probe' | 'lookup'

/**
 * Whether a job holds its account's place in line: later jobs of that account wait behind it.
 * An unknown job holds it while Upstream searches (a re-send must not overtake later posts);
 * once only the person can decide, or the job is paused or needs attention, the line moves on.
 */
export function holdsLine(job: Job): boolean {
  switch (job.state) {
    case 'queued':
    case 'sending':
    case 'waiting-retry':
    case 'waiting-network':
      return true
    case 'unknown':
      return job.uncertain?.status !== 'ask-user'
    default:
      return false
  }
}

/** When the job wants the publisher's attention next (ms), or undefined for "not by itself". */
export function wakeAt(job: Job): number | undefined {
  if (job.state === 'queued') return 0
  if (!holdsLine(job) || job.state === 'sending') return undefined
  const at = Date.parse(job.nextAttemptAt ?? '')
  return Number.isNaN(at) ? 0 : at
}

/** The step due now for a job at the head of its line, if any. */
export function dueStep(job: Job, now: number): Step | undefined {
  const at = wakeAt(job)
  if (at === undefined || at > now) return undefined
  if (job.state === 'waiting-network') return 'probe'
  if (job.state === 'unknown') return 'lookup'
  return 'attempt'
}
