import { shell } from 'electron'

/**
 * The only way out to the system: a plain http(s) URL with a host and no credentials, returned
 * normalised. Everything else (file:, javascript:, smb:, custom schemes that launch programs) is
 * refused, because `shell.openExternal` hands the URL to whatever the OS registered for it.
 */
export function safeExternalUrl(candidate: string): string | null {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (!url.hostname || url.username || url.password) return null
  return url.href
}

/** Opens `candidate` in the user's browser when it passes `safeExternalUrl`; says whether it did. */
export function openExternalSafely(candidate: string): boolean {
  const url = safeExternalUrl(candidate)
  if (!url) return false
  shell.openExternal(url).catch((error: unknown) => console.warn('openExternal failed:', error))
  return true
}
