import type { AppError } from '../../shared/errors'
import type { Job, JobFile } from '../../shared/model'
import { failureOf, unreachable } from './failure'
import { retryAfterMs } from './retry-after'

/** What one attempt at a job came to; settle() maps it onto the state table. */
export type Outcome =
  | { kind: 'done'; result: NonNullable<Job['result']>; files?: JobFile[] }
  /** A transient failure of a call that did not, or may safely again, take effect: try later. */
  | { kind: 'retry'; error: AppError; retryAfterMs?: number; files?: JobFile[] }
  /** The network is down: nothing left this machine; wait for it instead of burning attempts. */
  | { kind: 'offline'; error: AppError; files?: JobFile[] }
  /** A non-idempotent call whose request may have reached the server and whose answer was lost. */
  | { kind: 'unknown'; error: AppError }
  /** Authentication or a permanent fault: a person must act. */
  | { kind: 'attention'; error: AppError; files?: JobFile[] }

/**
 * Sorts an error from an attempt into an outcome. For a non-idempotent call the question is only
 * "could the request have reached the server?": when nothing left (dns, no route, refused, our own
 * refusal) or the server answered "no" (a fault, 401/403, another 4xx), it is safe to act on; every
 * other failure (reset, timeout, 5xx, a malformed or oversized answer) may hide a post → unknown.
 */
export function outcomeOf(error: AppError, idempotent: boolean, now: Date = new Date()): Outcome {
  const failure = failureOf(error)
  switch (failure.kind) {
    case 'offline':
      return { kind: 'offline', error }
    case 'not-sent':
    case 'busy':
      return retry(error, now)
    case 'http-refused':
    case 'needs-person':
      return { kind: 'attention', error }
    case 'timed-out':
    case 'lost':
      return idempotent ? retry(error, now) : { kind: 'unknown', error }
    case 'bad-answer':
      return idempotent ? { kind: 'attention', error } : { kind: 'unknown', error }
    default:
      return unreachable(failure)
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function retry(error: AppError, now: Date): Outcome {
  const d = error.details ?? {}
  const wait = typeof d.retryAfterMs === 'number' ? d.retryAfterMs : retryAfterMs(str(d.retryAfter), now)
  return wait === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs: wait }
}
