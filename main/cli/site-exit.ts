import type { AppError } from '../../shared/errors'
import { syncStatus, type SiteSyncReport } from '../weblog/sync-report'
import { Exit } from './exit-codes'

/** A site's own files cannot be used (a broken template or post file): sysexits' EX_DATAERR. */
export const SITE_DATA_ERROR = 65

/** ok 0; partial success 2; nothing went: 3 when the server refused, 4 for transport, protocol and limits. */
export function exitForReport(r: SiteSyncReport): number {
  const status = syncStatus(r)
  if (status === 'ok') return Exit.ok
  if (status === 'partial') return Exit.partial
  if (r.stop) return exitForError(r.stop.error)
  // Only files the server refused one by one, or limits it advertised.
  return r.results.some((f) => !f.ok) ? Exit.fault : Exit.transport
}

export function exitForError(e: AppError): number {
  switch (e.kind) {
    case 'fault':
    case 'auth':
    case 'unsupported':
      return Exit.fault
    case 'locked':
      return Exit.locked
    case 'internal':
      return 70
    default:
      return Exit.transport
  }
}
