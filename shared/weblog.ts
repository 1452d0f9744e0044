/**
 * The weblog of a community account, as the renderer sees it: plain JSON, mapped from the engine's
 * types in main/weblog (docs/weblog.md).
 */
import type { DraftFormat } from './model'

/** A published weblog post: what the site's pages and feed are rendered from. */
export interface WeblogPost {
  id: string
  title: string
  body: string
  format: DraftFormat
  /** When it was first published (ISO 8601); its permalink follows from it. */
  date: string
  categories: string[]
  /** The permalink page's path in the site folder. */
  path: string
  /** The URL the server returned for the permalink; null until it has been upstreamed. */
  url: string | null
  /** The Write draft it was published from. */
  draftId: string | null
  updatedAt: string
}

/** The settings a person edits (weblog.json). */
export interface WeblogSettingsInput {
  title: string
  description: string
  /** IANA name ("Europe/Paris") or fixed offset ("+02:00"). */
  timeZone: string
  upstreamOnChange: boolean
  /** weblogUpdates endpoints pinged besides the one the community names. */
  pingServers: string[]
  /** An absolute folder; null is the default inside the data folder. */
  siteDir: string | null
}

export interface WeblogSettings extends WeblogSettingsInput {
  /** The folder in use (siteDir, or the default). */
  siteDirInUse: string
  /** False until first saved (or first synced): the defaults are shown. */
  saved: boolean
}

export interface SiteUpload {
  path: string
  size: number
  reason: 'new' | 'changed'
}

export interface SiteDelete {
  path: string
  /** Where it is on the server now. */
  url: string | null
  size: number
}

export interface SiteRefusal {
  path: string
  limit: 'maxFileSize' | 'legalFileExtensions' | 'quota'
  message: string
}

/** Where the site stands, from local files only (no network). */
export interface SiteStatusView {
  accountId: string
  siteDir: string
  server: string
  folderUrl: string | null
  /** The URLs the server returned for the home page and the feed; null until upstreamed. */
  homeUrl: string | null
  feedUrl: string | null
  lastSyncAt: string | null
  upstreamed: { files: number; bytes: number }
  posts: number
  /** What a sync would send and delete now. */
  pending: { uploads: SiteUpload[]; deletes: SiteDelete[] }
  timeZone: string
  upstreamOnChange: boolean
}

/** Exactly what a sync would do now, after the server's limits were checked; nothing was sent or written. */
export interface SiteDryRun {
  accountId: string
  siteDir: string
  folderUrl: string | null
  uploads: SiteUpload[]
  deletes: SiteDelete[]
  /** Files that break a limit the server advertised: they would not be sent. */
  refused: SiteRefusal[]
  unchanged: number
  /** Files per saveMultipleFiles call. */
  requests: number[]
  /** Pages the weblog would write into the site folder first. */
  rendered: { written: string[]; removed: string[] } | null
}

/** A pleaseNotify subscription: the server calls back when `url` changes. */
export interface WeblogSubscription {
  accountId: string
  server: string
  url: string
  registeredAt: string | null
  expiresAt: string | null
  active: boolean
  /** Why the last registration failed; it is retried. */
  lastError: string | null
  /** When the server last said the URL changed (since the app started). */
  lastNotifiedAt: string | null
}
