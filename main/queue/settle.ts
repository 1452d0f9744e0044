import { appError } from '../../shared/errors'
import type { Job } from '../../shared/model'
import { backoffMs } from './backoff'
import { after } from './clock'
import { unreachable } from './failure'
import type { Outcome } from './outcome'
import { LOOKUP_DELAYS_MS, MAX_FAILURES, NETWORK_RECHECK_MS } from './policy'
import { transition } from './transition'

/** What the person asked for while the attempt was running. */
export type Request = 'pause' | 'cancel' | undefined

type Failed = Extract<Outcome, { kind: 'attention' | 'offline' | 'retry' }>

const clear = { nextAttemptAt: undefined, progress: undefined }
const filesOf = (outcome: Outcome) => ('files' in outcome && outcome.files ? { files: outcome.files } : {})

/** The job after an attempt (it is `sending`): the outcome mapped onto the state table. */
export function settle(job: Job, outcome: Outcome, now: Date, random: () => number, request?: Request): Job {
  switch (outcome.kind) {
    case 'done': {
      const note =
        outcome.result.url ?? (outcome.result.msgnum !== undefined ? `msgnum ${outcome.result.msgnum}` : undefined)
      return transition(job, 'done', now, note, {
        ...filesOf(outcome),
        ...clear,
        result: outcome.result,
        error: undefined,
        failures: 0,
        uncertain: undefined,
      })
    }
    case 'unknown': {
      // Cancel or pause cannot take back a request that may have arrived: find out first.
      const since = job.attemptStartedAt ?? job.updatedAt
      return transition(job, 'unknown', now, outcome.error.message, {
        ...clear,
        error: outcome.error,
        failures: 0,
        uncertain: { since, lookups: 0, status: 'searching' },
        nextAttemptAt: after(now, LOOKUP_DELAYS_MS[0]),
      })
    }
    case 'attention':
    case 'offline':
    case 'retry':
      return failed(job, outcome, now, random, request)
    default:
      return unreachable(outcome)
  }
}

/** Nothing went out, or it may safely go again: the person's request first, then what the failure asks. */
function failed(job: Job, outcome: Failed, now: Date, random: () => number, request: Request): Job {
  const { error } = outcome
  const files = filesOf(outcome)
  if (request === 'cancel')
    return transition(job, 'cancelled', now, `Cancelled. ${error.message}`, { ...files, ...clear, error })
  // A person must act whether or not they asked for a pause.
  if (outcome.kind === 'attention')
    return transition(job, 'needs-attention', now, error.message, { ...files, ...clear, error })
  if (request === 'pause')
    return transition(job, 'paused', now, `Paused. ${error.message}`, { ...files, ...clear, error })
  switch (outcome.kind) {
    case 'offline':
      return transition(job, 'waiting-network', now, error.message, {
        ...files,
        ...clear,
        error,
        nextAttemptAt: after(now, NETWORK_RECHECK_MS),
      })
    case 'retry': {
      const failures = (job.failures ?? 0) + 1
      if (failures >= MAX_FAILURES) {
        const gaveUp = appError(
          error.kind,
          `Upstream tried ${failures} times in a row and stopped: ${error.message}`,
          error.details,
        )
        return transition(job, 'needs-attention', now, gaveUp.message, { ...files, ...clear, error: gaveUp, failures })
      }
      const wait = Math.max(outcome.retryAfterMs ?? 0, backoffMs(failures, random))
      return transition(job, 'waiting-retry', now, error.message, {
        ...files,
        ...clear,
        error,
        failures,
        nextAttemptAt: after(now, wait),
      })
    }
    default:
      return unreachable(outcome)
  }
}
