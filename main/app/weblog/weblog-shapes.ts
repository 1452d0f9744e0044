import type {
  SiteDelete,
  SiteDryRun,
  SiteStatusView,
  SiteUpload,
  WeblogPost,
  WeblogSettings,
} from '../../../shared/weblog'
import type { WeblogConfig } from '../../weblog/weblog-config'
import type { Post } from '../../weblog/post'
import type { SiteStatus } from '../../weblog/site-status'
import type { SiteSyncReport } from '../../weblog/sync-report'
import type { PlannedDelete, PlannedUpload } from '../../weblog/sync-plan'

/** The engine's types, as plain JSON for the renderer (hashes and internals left out). */
const upload = (u: PlannedUpload): SiteUpload => ({ path: u.path, size: u.size, reason: u.reason })
const del = (d: PlannedDelete): SiteDelete => ({ path: d.path, url: d.url, size: d.size })

export function postView(p: Post, path: string, url: string | null): WeblogPost {
  return {
    id: p.id,
    title: p.title,
    body: p.body,
    format: p.format,
    date: p.date,
    categories: [...p.categories],
    path,
    url,
    draftId: p.draftId ?? null,
    updatedAt: p.updatedAt,
  }
}

export function settingsView(c: WeblogConfig, siteDirInUse: string, saved: boolean): WeblogSettings {
  return {
    title: c.title,
    description: c.description,
    timeZone: c.timeZone,
    upstreamOnChange: c.upstreamOnChange,
    pingServers: [...c.pingServers],
    siteDir: c.siteDir,
    siteDirInUse,
    saved,
  }
}

export function statusView(s: SiteStatus, homeUrl: string | null, feedUrl: string | null): SiteStatusView {
  return {
    ...s,
    homeUrl,
    feedUrl,
    upstreamed: { ...s.upstreamed },
    pending: { uploads: s.pending.uploads.map(upload), deletes: s.pending.deletes.map(del) },
  }
}

export function dryRunView(r: SiteSyncReport): SiteDryRun {
  return {
    accountId: r.accountId,
    siteDir: r.siteDir,
    folderUrl: r.folderUrl,
    uploads: r.plan.uploads.map(upload),
    deletes: r.plan.deletes.map(del),
    refused: r.plan.refused.map((v) => ({ path: v.path, limit: v.limit, message: v.message })),
    unchanged: r.plan.unchanged,
    requests: [...r.plan.requests],
    rendered: r.rendered ? { written: [...r.rendered.written], removed: [...r.rendered.removed] } : null,
  }
}
