/**
 * URLs come from servers, and server answers are hostile input: only http(s) may become a link,
 * never javascript:, data: or file:.
 */
export function safeHttpUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}
