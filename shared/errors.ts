/**
 * Errors that cross a process boundary (IPC, HTTP) are plain data: a kind the UI can act on,
 * a sentence for people, and details for the curious. Nothing is thrown across a boundary.
 */
export type ErrorKind =
  | 'fault' // the server answered with an XML-RPC fault or an flError struct
  | 'auth' // the server refused the credentials
  | 'transport' // dns, refused, reset, timeout, tls, unexpected http status
  | 'protocol' // the server answered something that is not XML-RPC
  | 'limit' // a size, depth or time limit we enforce
  | 'unsupported' // the server does not offer the method
  | 'invalid-input' // the caller sent something we refuse before any network call
  | 'not-found'
  | 'conflict' // the server copy changed since our base
  | 'storage' // the disk refused a write (ENOSPC, EROFS, EIO…)
  | 'locked' // another process runs the publisher
  | 'cancelled'
  | 'internal' // a bug: shown as such, never as the server's fault

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface AppError {
  kind: ErrorKind
  /** One or two sentences for people: the cause and, where there is one, the fix. */
  message: string
  details?: { [key: string]: JsonValue }
}

export function appError(kind: ErrorKind, message: string, details?: AppError['details']): AppError {
  return details === undefined ? { kind, message } : { kind, message, details }
}

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.kind === 'string' && typeof v.message === 'string'
}
