import { appError } from '../../shared/errors'
import { offers } from '../protocols/unsupported'
import { acquireLock } from '../store/locks'
import type { XmlRpcClient } from '../xmlrpc/client'
import { ensureWeblogConfig, loadWeblogConfig, siteDirOf } from './config-store'
import { deleteBatches } from './delete-batches'
import { HashCache } from './hash-cache'
import { applyLimits } from './limits-before-sending'
import { PostStore } from './post-store'
import { readRendered } from './rendered-manifest'
import { renderStep, type RenderStep } from './render-step'
import { RSS_CLOUD_PROCEDURE } from './rss-feed'
import type { SiteAccount } from './site-account'
import { HOME_PATH } from './site-layout'
import { siteLocations, type SiteLocations } from './site-locations'
import { pingAll, pingTargets } from './site-ping'
import { hashKnown, scanSite } from './site-scan'
import { cloudFromEndpoint, siteUrls } from './site-urls'
import { overlayRendered } from './overlay-rendered'
import { packBatches } from './request-size'
import { planSync } from './sync-plan'
import type { SiteSyncReport } from './sync-report'
import { SyncState } from './sync-state'
import { SyncSession } from './sync-session'
import { uploadBatches } from './upload-batches'

export interface SiteSyncOptions {
  dataDir: string
  account: SiteAccount
  password: string
  /** A client for an endpoint: the account's server and the ping servers (the app passes its fetch and wire log). */
  clientFor: (url: string) => XmlRpcClient | Promise<XmlRpcClient>
  dryRun?: boolean
  onProgress?: (sent: number, total: number) => void
  signal?: AbortSignal
  now?: () => Date
}

/** Another process (the app, a CLI) is syncing this site right now. */
export class SiteBusyError extends Error {
  override readonly name = 'SiteBusyError'
  toAppError() {
    return appError('locked', this.message)
  }
}

/**
 * Renders the weblog (when it has posts), then upstreams only what changed: deletions first, then
 * uploads in request-size-capped saveMultipleFiles calls, files breaking a limit reported before
 * anything is sent. When the server renamed paths, pages are rendered again with the URLs it
 * returned and the changed pages sent (a second pass). After the home page went up: pings.
 */
export async function syncSite(o: SiteSyncOptions): Promise<SiteSyncReport> {
  const loc = siteLocations(o.dataDir, o.account.id)
  const lock = o.dryRun ? null : await acquireLock(loc.root, 'sync')
  if (!o.dryRun && !lock)
    throw new SiteBusyError(
      `Another Upstream process is syncing "${o.account.name}" right now; try again when it has finished.`,
    )
  try {
    return await run(o, loc)
  } finally {
    await lock?.release()
  }
}

async function run(o: SiteSyncOptions, loc: SiteLocations): Promise<SiteSyncReport> {
  const now = o.now ?? (() => new Date())
  const config = o.dryRun
    ? (await loadWeblogConfig(loc, o.account.name)).config
    : await ensureWeblogConfig(loc, o.account.name)
  const siteDir = siteDirOf(loc, config)
  const state = await SyncState.open(loc)
  if (!state.belongsTo(o.account.url, o.account.usernum)) {
    // Another server or member: nothing of this site is known to be there (a dry run only pretends).
    const fresh = { endpoint: o.account.url, usernum: o.account.usernum, folderUrl: null, profile: null }
    if (o.dryRun) state.startOver(fresh)
    else await state.reset(fresh)
  }
  const server = new SyncSession(o.account, o.password, await o.clientFor(o.account.url), state, o.signal)
  const report = emptyReport(o, siteDir, state.server!.folderUrl)
  const posts = await new PostStore(loc.posts).list()
  const renders = posts.length > 0 || (await readRendered(loc.rendered)).length > 0
  const cache = await HashCache.load(loc.hashCache)
  let rendered: RenderStep | undefined

  for (let pass = 1; pass <= 2; pass++) {
    server.nextPass()
    if (renders) {
      if (!state.server!.folderUrl && posts.length > 0) await server.capabilities()
      const cloud =
        offers((await server.session()).profile, RSS_CLOUD_PROCEDURE) === true ? cloudFromEndpoint(o.account.url) : null
      const urlOf = siteUrls((path) => state.files.get(path)?.url, state.server!.folderUrl)
      rendered = await renderStep({
        siteDir,
        manifestFile: loc.rendered,
        posts,
        config,
        urlOf,
        cloud,
        now: now(),
        write: !o.dryRun,
      })
      if (pass === 1)
        report.rendered = {
          written: rendered.written,
          removed: rendered.removed,
          templatesCreated: rendered.templatesCreated,
        }
    }
    let local = await scanSite(siteDir, cache)
    if (o.dryRun && rendered) local = overlayRendered(local, rendered)
    await hashKnown(local, state.files)
    const plan = planSync(local, state.files)
    if (plan.uploads.length === 0 && plan.deletes.length === 0) {
      if (pass === 1) report.plan.unchanged = plan.unchanged
      break
    }
    report.passes = pass
    const limits = applyLimits(plan.uploads, plan.deletes, state.files, await server.capabilities())
    const byPath = new Map(local.map((f) => [f.path, f]))
    const batches = packBatches(
      limits.send.map((u) => byPath.get(u.path)!),
      config,
    )
    if (pass === 1)
      report.plan = {
        uploads: plan.uploads,
        deletes: plan.deletes,
        refused: limits.refused,
        unchanged: plan.unchanged,
        requests: batches.map((b) => b.length),
      }
    if (o.dryRun) break

    const deleted = await deleteBatches(
      await server.session(),
      state,
      plan.deletes,
      config.maxFilesPerRequest,
      o.signal,
    )
    const uploaded = deleted.stop
      ? undefined
      : await uploadBatches({
          member: await server.session(),
          state,
          batches,
          onProgress: o.onProgress,
          signal: o.signal,
          now,
        })
    for (const r of [deleted, uploaded]) if (r) report.results.push(...r.results)
    report.calls.delete += deleted.calls
    report.calls.save += uploaded?.calls ?? 0
    state.lastSyncAt = now().toISOString()
    await state.compact()
    report.stop = deleted.stop ?? uploaded?.stop
    if (report.stop || !rendered || !linksWentStale(rendered.links, state)) break
  }
  report.folderUrl = state.server!.folderUrl
  report.calls.capabilities = server.capabilityCalls
  if (!o.dryRun) {
    await cache.save()
    if (server.contacted) state.markChanged() // what the server taught us (folder URL, profile) is kept
    await state.compactIfChanged()
  }
  const home = report.results.find((r) => r.path === HOME_PATH && r.op === 'upload' && r.ok)
  const homeUrl = home && (home.url ?? state.server!.folderUrl)
  if (homeUrl)
    report.pings = await pingAll(
      pingTargets(server.known ?? (await server.capabilities()), config.pingServers),
      config.title,
      homeUrl,
      o.clientFor,
    )
  return report
}

/** Links made before the server answered may not be the URLs it returned (it renamed): render again. */
function linksWentStale(links: ReadonlyMap<string, string>, state: SyncState): boolean {
  return [...links].some(([path, url]) => {
    const known = state.files.get(path)?.url
    return !!known && known !== url
  })
}

function emptyReport(o: SiteSyncOptions, siteDir: string, folderUrl: string | null): SiteSyncReport {
  return {
    accountId: o.account.id,
    dryRun: !!o.dryRun,
    siteDir,
    folderUrl,
    plan: { uploads: [], deletes: [], refused: [], unchanged: 0, requests: [] },
    results: [],
    calls: { capabilities: 0, save: 0, delete: 0 },
    rendered: null,
    passes: 0,
    pings: [],
  }
}
