/** Where the browser host's per-launch token lives once it has left the address bar. */
export const TOKEN_STORAGE_KEY = 'upstream.token'

/**
 * The host opens the page at `/#token=…`. Take the token from the fragment (never sent to servers,
 * never in Referer), keep it for this tab only, and scrub it from the address bar and history.
 */
export function takeHostToken(loc: Location = location, storage: Storage = sessionStorage): string | null {
  const fragment = new URLSearchParams(loc.hash.replace(/^#/, ''))
  const fromUrl = fragment.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    fragment.delete('token')
    const rest = fragment.toString()
    history.replaceState(history.state, '', loc.pathname + loc.search + (rest ? `#${rest}` : ''))
    return fromUrl
  }
  return storage.getItem(TOKEN_STORAGE_KEY)
}
