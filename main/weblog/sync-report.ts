import type { LimitViolation } from '../protocols/check-limits'
import type { PingReport } from './site-ping'
import type { FileResult, SyncStop } from './sync-outcome'
import type { PlannedDelete, PlannedUpload } from './sync-plan'

/** Everything one sync (or dry run) did or would do, for the CLI, the queue and the UI. */
export interface SiteSyncReport {
  accountId: string
  dryRun: boolean
  siteDir: string
  folderUrl: string | null
  /** What the first pass found to do (a dry run stops here: this is exactly what would go). */
  plan: {
    uploads: PlannedUpload[]
    deletes: PlannedDelete[]
    /** Breaks a limit the server advertised: reported, not sent; the others still go. */
    refused: LimitViolation[]
    unchanged: number
    /** Files per saveMultipleFiles call. */
    requests: number[]
  }
  /** Per-file results, every pass (empty in a dry run). */
  results: FileResult[]
  calls: { capabilities: number; save: number; delete: number }
  stop?: SyncStop
  rendered: { written: string[]; removed: string[]; templatesCreated: string[] } | null
  /** 2 when the server renamed paths and pages were rendered again with its URLs. */
  passes: number
  pings: PingReport[]
}

export type SyncStatus = 'ok' | 'partial' | 'failed'

/** ok: nothing failed; partial: some went, some did not; failed: nothing that had to go went. */
export function syncStatus(r: SiteSyncReport): SyncStatus {
  const failed =
    r.results.filter((f) => !f.ok).length +
    r.plan.refused.length +
    (r.stop?.pending.length ?? 0) +
    (r.stop && r.stop.pending.length === 0 ? 1 : 0)
  if (failed === 0) return 'ok'
  return r.results.some((f) => f.ok) ? 'partial' : 'failed'
}

/** The files that did not reach the server, with why: refused before sending, failed, or never sent. */
export function failures(r: SiteSyncReport): { path: string; why: string }[] {
  const pending = new Set(r.stop?.pending ?? [])
  return [
    ...r.plan.refused.map((v) => ({ path: v.path, why: v.message })),
    ...r.results.filter((f) => !f.ok && !pending.has(f.path)).map((f) => ({ path: f.path, why: f.error ?? 'failed' })),
    ...[...pending].map((path) => ({ path, why: r.stop!.error.message })),
  ]
}
