/**
 * The typed errors an XML-RPC call can end in, so the UI can explain each one:
 *   XmlRpcFault    the server answered with a <fault> (whatever the HTTP status)
 *   TransportError the answer never arrived, or was not XML-RPC at all (an HTML error page)
 *   ProtocolError  the answer looked like XML-RPC but was malformed (with its position)
 *   LimitError     one of our own safety limits stopped the call (size, depth, time)
 * toAppError (./to-app-error) turns any of them into a shared AppError for people.
 */
export { XmlRpcFault } from './fault'
export { toAppError } from './to-app-error'

export type TransportCode = 'dns' | 'refused' | 'reset' | 'timeout' | 'tls' | 'http' | 'aborted' | 'other'

export interface TransportDetails {
  /** The endpoint (credentials removed). */
  url?: string
  /** HTTP status when one arrived. */
  status?: number
  statusText?: string
  /** The first ~200 bytes of a body that was not XML-RPC, as text. */
  bodyStart?: string
  /** Where a refused redirect pointed. */
  location?: string
  /** The low-level code (ECONNREFUSED, net::ERR_NAME_NOT_RESOLVED, CERT_HAS_EXPIRED…). */
  sysCode?: string
  /** The raw Retry-After header of a 503/429 answer. */
  retryAfter?: string
  cause?: unknown
}

export class TransportError extends Error {
  override readonly name = 'TransportError'
  readonly url?: string
  readonly status?: number
  readonly statusText?: string
  readonly bodyStart?: string
  readonly location?: string
  readonly sysCode?: string
  readonly retryAfter?: string

  constructor(
    readonly code: TransportCode,
    message: string,
    details: TransportDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.url = details.url
    this.status = details.status
    this.statusText = details.statusText
    this.bodyStart = details.bodyStart
    this.location = details.location
    this.sysCode = details.sysCode
    this.retryAfter = details.retryAfter
  }
}

/** The server answered something XML-like that is not well-formed XML-RPC. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError'
  constructor(
    message: string,
    readonly position: { offset?: number; line?: number; column?: number } = {},
    readonly url?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export type LimitKind = 'size' | 'depth' | 'time'

/** One of our limits stopped the call; `max` is the limit (bytes, levels or milliseconds). */
export class LimitError extends Error {
  override readonly name = 'LimitError'
  constructor(
    readonly limit: LimitKind,
    readonly max: number,
    message: string,
    readonly url?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
