import type { AppError } from '../../shared/errors'

/**
 * What the queue needs to know about a failed attempt, as a closed set: the one place where an
 * error's details (transport code, status, fault classification) are read. Everything the queue
 * decides (retry, wait for the network, ask a person, find out whether a post went out) is a
 * switch over these kinds, and the compiler checks each switch names them all.
 */
export type Failure =
  /** No route or no name: nothing left this machine. */
  | { kind: 'offline' }
  /** Refused or a TLS failure: the request never left. */
  | { kind: 'not-sent' }
  /** The server said no over HTTP (a 4xx that is not "later", a redirect, no such method). */
  | { kind: 'http-refused'; status: number }
  /** Out of time: the request may have been handled. */
  | { kind: 'timed-out' }
  /** Reset, a 5xx or another failure after the request left: it may have been handled. */
  | { kind: 'lost' }
  /** The server answered, but too big, too deep, or not XML-RPC: it ran the call. */
  | { kind: 'bad-answer' }
  /** A fault the server says is temporary ("busy, try again"). */
  | { kind: 'busy' }
  /** A refusal only a person can fix: a fault, a password, a missing method, a full disk, a bug. */
  | { kind: 'needs-person' }

export type FailureKind = Failure['kind']

/** For the `default` of an exhaustive switch: a kind added to a closed set and not handled is a compile error. */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`)
}

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

/** The error (as main/xmlrpc/to-app-error.ts and main/app/queue/error-of.ts make it) as a Failure. */
export function failureOf(error: AppError): Failure {
  const d = error.details ?? {}
  const code = str(d.code)
  switch (error.kind) {
    case 'transport': {
      if (code === 'dns' || OFFLINE_SYS.has(str(d.sysCode) ?? '')) return { kind: 'offline' }
      if (code === 'refused' || code === 'tls') return { kind: 'not-sent' }
      const status = typeof d.status === 'number' ? d.status : undefined
      if (code === 'http' && status !== undefined) {
        if (d.location !== undefined || d.classification === 'method-not-found') return { kind: 'http-refused', status }
        if (!TRANSIENT_STATUS.has(status) && status >= 400 && status < 500) return { kind: 'http-refused', status }
      }
      return code === 'timeout' ? { kind: 'timed-out' } : { kind: 'lost' }
    }
    case 'limit':
      // Out of time: like a timeout. Too big or too deep: the server answered, so it ran the call.
      return code === 'time' || d.limit === 'time' ? { kind: 'timed-out' } : { kind: 'bad-answer' }
    case 'protocol':
      return { kind: 'bad-answer' }
    case 'fault':
      return d.classification === 'busy' ? { kind: 'busy' } : { kind: 'needs-person' }
    case 'auth':
    case 'unsupported':
    case 'invalid-input':
    case 'not-found':
    case 'conflict':
    case 'storage':
    case 'locked':
    case 'cancelled':
    case 'internal':
      return { kind: 'needs-person' }
    default:
      return unreachable(error.kind)
  }
}
