import type { AppError } from '../../shared/errors'
import type { Job, JobFile } from '../../shared/model'
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

// Before any byte left: no route, or no interface (errno codes from the cause chain).
const OFFLINE_SYS = new Set([
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_NETWORK_CHANGED',
  'ERR_ADDRESS_UNREACHABLE',
])
// Statuses that say "later": the request may have been handled (503 after a commit), or not.
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504])

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * Sorts an error from an attempt into an outcome. For a non-idempotent call the question is only
 * "could the request have reached the server?": when nothing left (dns, no route, refused, our own
 * refusal) or the server answered "no" (a fault, 401/403, another 4xx), it is safe to act on; every
 * other failure (reset, timeout, 5xx, a malformed or oversized answer) may hide a post → unknown.
 */
export function outcomeOf(error: AppError, idempotent: boolean, now: Date = new Date()): Outcome {
  const d = error.details ?? {}
  const code = str(d.code)
  const status = typeof d.status === 'number' ? d.status : undefined
  const maybe = (): Outcome => (idempotent ? retry(error, now) : { kind: 'unknown', error })
  switch (error.kind) {
    case 'transport':
      if (code === 'dns' || OFFLINE_SYS.has(str(d.sysCode) ?? '')) return { kind: 'offline', error }
      if (code === 'refused' || code === 'tls') return retry(error, now) // the request never left
      if (code === 'http' && status !== undefined) {
        if (d.location !== undefined || d.classification === 'method-not-found') return { kind: 'attention', error }
        if (!TRANSIENT_STATUS.has(status) && status >= 400 && status < 500) return { kind: 'attention', error }
      }
      return maybe()
    case 'limit':
      // Out of time: like a timeout. Too big or too deep: the server answered, so it ran the call.
      if (code === 'time' || d.limit === 'time') return maybe()
      return idempotent ? { kind: 'attention', error } : { kind: 'unknown', error }
    case 'protocol':
      return idempotent ? { kind: 'attention', error } : { kind: 'unknown', error }
    case 'fault':
      return d.classification === 'busy' ? retry(error, now) : { kind: 'attention', error }
    default:
      // auth, unsupported, invalid-input, not-found, storage, internal…: a person must act.
      return { kind: 'attention', error }
  }
}

function retry(error: AppError, now: Date): Outcome {
  const d = error.details ?? {}
  const wait = typeof d.retryAfterMs === 'number' ? d.retryAfterMs : retryAfterMs(str(d.retryAfter), now)
  return wait === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs: wait }
}
