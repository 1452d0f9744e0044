import type { JobState } from '../../../../shared/model'

export const stateLabels: Record<JobState, string> = {
  queued: 'Queued',
  sending: 'Sending',
  'waiting-retry': 'Waiting to retry',
  'waiting-network': 'Waiting for network',
  paused: 'Paused',
  unknown: 'Outcome unknown',
  'needs-attention': 'Needs attention',
  done: 'Done',
  cancelled: 'Cancelled',
}

/** Colour groups: in progress, waiting, needs the user, finished well, finished otherwise. */
const tone: Record<JobState, string> = {
  queued: 'progress',
  sending: 'progress',
  'waiting-retry': 'waiting',
  'waiting-network': 'waiting',
  paused: 'waiting',
  unknown: 'attention',
  'needs-attention': 'attention',
  done: 'good',
  cancelled: 'neutral',
}

export function JobStateBadge({ state }: { state: JobState }) {
  return <span className={`badge badge-${tone[state]}`}>{stateLabels[state]}</span>
}
