import { checkLimits, type LimitViolation } from '../protocols/check-limits'
import type { ServerCapabilities } from '../protocols/server-capabilities'
import type { PlannedDelete, PlannedUpload } from './sync-plan'
import type { SyncedFile } from './sync-state'

/**
 * Splits the uploads into those the server's advertised limits allow and those it would refuse
 * (legalFileExtensions, maxFileSize, quota), before anything is sent. Unlike a bare checkLimits,
 * the quota counts what this sync frees: the files it deletes and the old copies it replaces,
 * whose sizes the sync state knows.
 */
export function applyLimits(
  uploads: readonly PlannedUpload[],
  deletes: readonly PlannedDelete[],
  known: ReadonlyMap<string, SyncedFile>,
  caps: Pick<ServerCapabilities, 'maxFileSize' | 'legalFileExtensions' | 'maxBytesPerUser' | 'ctBytesInUse'>,
): { send: PlannedUpload[]; refused: LimitViolation[] } {
  const freed =
    deletes.reduce((n, d) => n + d.size, 0) + uploads.reduce((n, u) => n + (known.get(u.path)?.size ?? 0), 0)
  const inUse = caps.ctBytesInUse === undefined ? undefined : Math.max(0, caps.ctBytesInUse - freed)
  const refused = checkLimits([...uploads], { ...caps, ...(inUse === undefined ? {} : { ctBytesInUse: inUse }) })
  const out = new Set(refused.map((v) => v.path))
  return { send: uploads.filter((u) => !out.has(u.path)), refused }
}
