import { net } from 'electron'

/**
 * The core's fetch in the app: Chromium's network stack (system and PAC proxies, the OS
 * certificate store, Chromium's TLS). net.fetch also reads file: and app: URLs, which Node's fetch
 * never does; a server's answer could name one, so only http(s) gets through, as under Node.
 */
export const electronFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  const scheme = URL.canParse(url) ? new URL(url).protocol : ''
  if (scheme !== 'http:' && scheme !== 'https:') {
    throw new TypeError(`fetch refused: only http(s) URLs are fetched, not "${scheme || url.slice(0, 40)}"`)
  }
  return net.fetch(input instanceof URL ? input.href : input, init)
}
