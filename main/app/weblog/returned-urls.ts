import { predictUrl } from '../../weblog/site-urls'
import type { SiteAccount } from '../../weblog/site-account'
import type { SiteLocations } from '../../weblog/site-locations'
import { SyncState } from '../../weblog/sync-state'

/**
 * The URL the server returned for a site path, or null when it is not upstreamed (to this server
 * and member). Links shown to people are these, never guesses: the server may have renamed the path.
 */
export async function returnedUrls(loc: SiteLocations, site: SiteAccount): Promise<(path: string) => string | null> {
  const state = await SyncState.open(loc)
  if (!state.belongsTo(site.url, site.usernum)) return () => null
  const folderUrl = state.server?.folderUrl ?? null
  return (path) => {
    const f = state.files.get(path)
    return f ? (f.url ?? predictUrl(folderUrl, path)) : null
  }
}
