/**
 * The URL to link a site path with. Links must be the URLs the server returned (it may rename:
 * PyCS turns "my file.html" into "my@20file.html"), so a path upstreamed before is linked by its
 * recorded URL; one never sent yet by the folder URL plus the path, which a sync corrects by
 * rendering again once the server has answered (see site-sync.ts).
 */
export type UrlOf = (path: string) => string

export function siteUrls(known: (path: string) => string | null | undefined, folderUrl: string | null): UrlOf {
  return (path) => known(path) || predictUrl(folderUrl, path)
}

export function predictUrl(folderUrl: string | null, path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/')
  if (!folderUrl) return encoded // never synced and offline: relative links still work on most servers
  return folderUrl.endsWith('/') ? folderUrl + encoded : `${folderUrl}/${encoded}`
}

/** Where the server's RPC endpoint is, as an RSS <cloud> names it. */
export interface RssCloud {
  domain: string
  port: number
  path: string
}

export function cloudFromEndpoint(endpoint: string): RssCloud {
  const url = new URL(endpoint)
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
  return { domain: url.hostname.replace(/^\[|\]$/g, ''), port, path: url.pathname || '/' }
}
