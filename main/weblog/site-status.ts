import { loadWeblogConfig, siteDirOf } from './config-store'
import { HashCache } from './hash-cache'
import { overlayRendered } from './overlay-rendered'
import { PostStore } from './post-store'
import { readRendered } from './rendered-manifest'
import { renderStep } from './render-step'
import { RSS_CLOUD_PROCEDURE } from './rss-feed'
import type { SiteAccount } from './site-account'
import { siteLocations } from './site-locations'
import { hashKnown, scanSite } from './site-scan'
import { cloudFromEndpoint, siteUrls } from './site-urls'
import { planSync, type PlannedDelete, type PlannedUpload } from './sync-plan'
import { SyncState } from './sync-state'
import { offers } from '../protocols/unsupported'

export interface SiteStatus {
  accountId: string
  siteDir: string
  server: string
  folderUrl: string | null
  lastSyncAt: string | null
  /** Files the server holds of this site, as last confirmed. */
  upstreamed: { files: number; bytes: number }
  posts: number
  /** What a sync would send and delete now (limits are checked only by a sync: they need the server). */
  pending: { uploads: PlannedUpload[]; deletes: PlannedDelete[] }
  timeZone: string
  upstreamOnChange: boolean
}

/** Where the site stands, from local files only: no password, no network, nothing written. */
export async function siteStatus(dataDir: string, account: SiteAccount, now = new Date()): Promise<SiteStatus> {
  const loc = siteLocations(dataDir, account.id)
  const { config } = await loadWeblogConfig(loc, account.name)
  const siteDir = siteDirOf(loc, config)
  const state = await SyncState.open(loc)
  const ours = state.belongsTo(account.url, account.usernum)
  const known = ours ? state.files : new Map()
  const posts = await new PostStore(loc.posts).list()
  let local = await scanSite(siteDir, await HashCache.load(loc.hashCache))
  if (posts.length > 0 || (await readRendered(loc.rendered)).length > 0) {
    const profile = ours ? state.server?.profile : null
    const cloud = profile && offers(profile, RSS_CLOUD_PROCEDURE) === true ? cloudFromEndpoint(account.url) : null
    const urlOf = siteUrls((p) => known.get(p)?.url, ours ? (state.server?.folderUrl ?? null) : null)
    local = overlayRendered(
      local,
      await renderStep({ siteDir, manifestFile: loc.rendered, posts, config, urlOf, cloud, now, write: false }),
    )
  }
  await hashKnown(local, known)
  const plan = planSync(local, known)
  return {
    accountId: account.id,
    siteDir,
    server: account.url,
    folderUrl: ours ? (state.server?.folderUrl ?? null) : null,
    lastSyncAt: ours ? state.lastSyncAt : null,
    upstreamed: { files: known.size, bytes: [...known.values()].reduce((n, f) => n + f.size, 0) },
    posts: posts.length,
    pending: { uploads: plan.uploads, deletes: plan.deletes },
    timeZone: config.timeZone,
    upstreamOnChange: config.upstreamOnChange,
  }
}
