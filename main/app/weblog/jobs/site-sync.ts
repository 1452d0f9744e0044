import { appError, type AppError, type JsonValue } from '../../../../shared/errors'
import type { JobFile } from '../../../../shared/model'
import { outcomeOf, type Outcome } from '../../../queue/outcome'
import type { Performer } from '../../../queue/performer'
import { siteAccountOf } from '../../../weblog/site-account'
import { SiteBusyError, syncSite } from '../../../weblog/site-sync'
import { failures, syncStatus, type SiteSyncReport } from '../../../weblog/sync-report'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'
import { signIn } from '../../queue/sign-in'

export interface SiteSyncDeps extends PerformerDeps {
  /** The data directory: the site folders, posts and sync state live under its sites/. */
  dataDir: string
}

/** Another process syncing the same site is done in moments: look again then. */
const BUSY_RETRY_MS = 30_000

/**
 * Upstreams a community account's site (rendering its weblog first). Idempotent: what the server
 * confirmed is recorded durably per file by the sync itself, so an attempt after a failure, a
 * crash or a pause sends only what is still missing. The job's files are the per-file record
 * the queue shows; deletions are counted in the result.
 */
export function siteSyncPerformer(deps: SiteSyncDeps): Performer {
  return {
    idempotent: true,
    async run(job, attempt) {
      const who = await signIn(deps, job)
      if ('kind' in who) return who
      let account
      try {
        account = siteAccountOf(who.account)
      } catch (e) {
        return { kind: 'attention', error: appError('invalid-input', (e as Error).message) }
      }
      try {
        const report = await syncSite({
          dataDir: deps.dataDir,
          account,
          password: who.password,
          // Ping servers get the app's client too (its fetch, its wire log), at their own URL.
          clientFor: (url) => (url === who.account.url ? who.client : deps.client({ ...who.account, url })),
          signal: attempt.signal,
          onProgress: attempt.progress,
          now: deps.now,
        })
        return outcomeOfReport(report, deps.now())
      } catch (e) {
        if (e instanceof SiteBusyError) return { kind: 'retry', error: e.toAppError(), retryAfterMs: BUSY_RETRY_MS }
        return outcomeOf(
          errorOf(e, { method: 'xmlStorageSystem.saveMultipleFiles', url: who.account.url, account: who.account.name }),
          true,
          deps.now(),
        )
      }
    },
  }
}

/** The queue's view of one sync: done, or what stopped it, with a record per file. */
export function outcomeOfReport(r: SiteSyncReport, now: Date): Outcome {
  const files = jobFiles(r)
  if (r.stop) {
    const o = outcomeOf(r.stop.error, true, now)
    return o.kind === 'unknown' || o.kind === 'done'
      ? { kind: 'attention', error: r.stop.error, files }
      : { ...o, files }
  }
  if (syncStatus(r) !== 'ok') {
    const missed = failures(r)
    const error: AppError = appError(
      r.plan.refused.length === missed.length ? 'limit' : 'fault',
      `${missed.length} file${missed.length === 1 ? '' : 's'} did not go: ${missed.map((f) => f.why).join(' ')}`,
      { paths: missed.map((f) => f.path) },
    )
    return { kind: 'attention', error, files }
  }
  const home = r.results.find((f) => f.path === 'index.html' && f.ok && f.url)
  const members: { [key: string]: JsonValue } = {
    uploaded: r.results.filter((f) => f.ok && f.op === 'upload').length,
    deleted: r.results.filter((f) => f.ok && f.op === 'delete').length,
    pings: r.pings.map((p) => ({ server: p.server, ok: p.ok, message: p.message })),
  }
  const url = home?.url ?? r.folderUrl
  return { kind: 'done', result: { ...(url ? { url } : {}), members }, files }
}

function jobFiles(r: SiteSyncReport): JobFile[] {
  const at = new Date().toISOString()
  const byPath = new Map<string, JobFile>()
  for (const u of r.plan.uploads) byPath.set(u.path, { path: u.path, status: 'pending', bytes: u.size })
  for (const v of r.plan.refused)
    byPath.set(v.path, { ...byPath.get(v.path)!, status: 'failed', error: appError('limit', v.message) })
  for (const f of r.results.filter((x) => x.op === 'upload')) {
    const prior = byPath.get(f.path) ?? { path: f.path, status: 'pending' as const }
    byPath.set(
      f.path,
      f.ok
        ? {
            ...prior,
            status: 'sent',
            at,
            ...(f.url ? { url: f.url } : {}),
            ...(f.bytes !== undefined ? { bytes: f.bytes } : {}),
          }
        : { ...prior, status: 'failed', at, error: appError('fault', f.error ?? 'not stored') },
    )
  }
  if (r.stop)
    for (const p of r.stop.pending)
      if (byPath.get(p)?.status === 'pending') byPath.set(p, { ...byPath.get(p)!, error: r.stop.error })
  return [...byPath.values()]
}
