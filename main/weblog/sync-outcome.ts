import { appError, type AppError } from '../../shared/errors'
import { CommunityError } from '../protocols/community-error'
import { UnsupportedError } from '../protocols/unsupported'
import { toAppError } from '../xmlrpc/to-app-error'

/** What happened to one file in a sync. */
export interface FileResult {
  path: string
  op: 'upload' | 'delete'
  ok: boolean
  /** Uploads: the URL the server returned for it. */
  url?: string | null
  bytes?: number
  /** Failures: the server's words about this file, or why it was not sent. */
  error?: string
}

/** Why a run stopped before every batch was sent: the rest would fail the same way. */
export interface SyncStop {
  error: AppError
  /** The files left unconfirmed: in the call that failed or in calls never made. */
  pending: string[]
}

/**
 * Whether a failed call should stop the run: credentials refused, the server lacking the method,
 * or anything below the server (transport, protocol, limits). A refusal of one batch's files
 * (flError for all of them, a fault about them) lets the next batch try.
 */
export function stopsTheRun(e: unknown): boolean {
  if (e instanceof UnsupportedError) return true
  if (e instanceof CommunityError) return e.kind === 'auth'
  return true
}

export function describeFailure(e: unknown, method: string, url: string): AppError {
  return toAppError(e, { method, url })
}

/** The part of a multi-file message that names `path` ("Stored 1 of 3 files. a.exe: …"), else all of it. */
export function reasonFor(message: string, path: string): string {
  const parts = message.split(/(?<=[.;])\s+/).filter((p) => p.includes(path))
  return (parts.length > 0 ? parts.join(' ') : message).trim() || 'the server did not take this file'
}

export const cancelled = (pending: string[]): SyncStop => ({
  error: appError('cancelled', 'The sync was stopped before it finished.'),
  pending,
})
