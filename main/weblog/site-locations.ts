import { join } from 'node:path'

/**
 * Where one community account's weblog lives in the data directory (docs/architecture.md, Data):
 * `<data>/sites/<accountId>/` holds the default site folder, the weblog's settings, its posts and
 * the sync state. Account ids become folder names, so only safe ones are accepted.
 */
export interface SiteLocations {
  /** `<data>/sites/<accountId>` */
  root: string
  /** The site folder when the user has not picked one. */
  defaultSiteDir: string
  config: string
  posts: string
  /** What the server holds, as last confirmed (compacted). */
  state: string
  /** Results confirmed since the last compaction, one JSON line each. */
  journal: string
  /** Content hashes of local files, keyed by size and mtime (a cache: losing it costs a re-hash). */
  hashCache: string
  /** The files the renderer wrote last time, so only those are ever removed by it. */
  rendered: string
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export function isSafeAccountId(id: string): boolean {
  return SAFE_ID.test(id) && !id.includes('..')
}

export function siteLocations(dataDir: string, accountId: string): SiteLocations {
  if (!isSafeAccountId(accountId)) throw new RangeError(`The account id "${accountId}" cannot name a folder.`)
  const root = join(dataDir, 'sites', accountId)
  return {
    root,
    defaultSiteDir: join(root, 'www'),
    config: join(root, 'weblog.json'),
    posts: join(root, 'posts'),
    state: join(root, 'sync-state.json'),
    journal: join(root, 'sync-journal.jsonl'),
    hashCache: join(root, 'hash-cache.json'),
    rendered: join(root, 'rendered.json'),
  }
}
