import type { AppError } from '../../shared/errors'
import type { Job } from '../../shared/model'

/** What one attempt at a job came to; the publisher maps it onto the state table. */
export type Outcome =
  | { kind: 'done'; result: NonNullable<Job['result']> }
  /** A transient failure of an idempotent call: try again later. */
  | { kind: 'retry'; error: AppError; retryAfterMs?: number }
  /** The network is down: wait for it instead of burning attempts. */
  | { kind: 'offline'; error: AppError }
  /** A non-idempotent call whose request may have reached the server and whose answer was lost. */
  | { kind: 'unknown'; error: AppError }
  /** Authentication or a permanent fault: a person must act. */
  | { kind: 'attention'; error: AppError }

/** Sorts an error from an attempt into an outcome. */
export function outcomeOf(error: AppError, idempotent: boolean): Outcome {
  const code = typeof error.details?.code === 'string' ? error.details.code : undefined
  if (error.kind === 'transport') {
    if (code === 'dns' || code === 'offline') return { kind: 'offline', error }
    const mayHaveArrived = code !== 'refused'
    if (!idempotent && mayHaveArrived) return { kind: 'unknown', error }
    const retryAfter = typeof error.details?.retryAfterMs === 'number' ? error.details.retryAfterMs : undefined
    return retryAfter === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs: retryAfter }
  }
  if (error.kind === 'limit' && code === 'time') return idempotent ? { kind: 'retry', error } : { kind: 'unknown', error }
  return { kind: 'attention', error }
}
