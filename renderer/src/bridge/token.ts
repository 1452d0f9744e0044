import { HOST_LAUNCH_HEADER, HOST_SESSION_PATH } from '../../../shared/api'

/** Where this tab's session token lives (sessionStorage: this tab only, no cookies). */
export const TOKEN_STORAGE_KEY = 'upstream.token'

/** The launch token in an address `upstream serve` printed (`…/#token=…`), if any. */
export function launchTokenOf(address: string): string | null {
  const hash = address.includes('#') ? address.slice(address.indexOf('#') + 1) : ''
  return new URLSearchParams(hash).get('token')
}

/**
 * Spends a single-use launch token for a session token (main/host/sessions.ts) and keeps it for
 * this tab. Answers the session token, or null if the host refused (already used, or unknown).
 */
export async function exchangeLaunchToken(
  launch: string,
  origin: string,
  fetchImpl: typeof fetch = fetch,
  storage: Storage = sessionStorage,
): Promise<string | null> {
  try {
    const r = await fetchImpl(new URL(HOST_SESSION_PATH, origin), {
      method: 'POST',
      headers: { [HOST_LAUNCH_HEADER]: launch },
      cache: 'no-store',
    })
    const body = (await r.json()) as { ok?: boolean; value?: { token?: unknown } }
    const token = r.ok && body.ok && typeof body.value?.token === 'string' ? body.value.token : null
    if (token) storage.setItem(TOKEN_STORAGE_KEY, token)
    return token
  } catch {
    return null
  }
}

/**
 * The tab's session token at start-up. The host opens the page at `/#token=<launch token>`: it is
 * scrubbed from the address bar and history at once, then exchanged. A reload (or a spent token in
 * the address) falls back to the session this tab already holds.
 */
export async function takeHostToken(
  loc: Location = location,
  storage: Storage = sessionStorage,
  fetchImpl: typeof fetch = fetch,
): Promise<string | null> {
  const fragment = new URLSearchParams(loc.hash.replace(/^#/, ''))
  const launch = fragment.get('token')
  if (launch) {
    fragment.delete('token')
    const rest = fragment.toString()
    history.replaceState(history.state, '', loc.pathname + loc.search + (rest ? `#${rest}` : ''))
    const session = await exchangeLaunchToken(launch, loc.origin, fetchImpl, storage)
    if (session) return session
  }
  return storage.getItem(TOKEN_STORAGE_KEY)
}
