import { MAX_RETRY_AFTER_MS } from './policy'

/**
 * A Retry-After header (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) as milliseconds from
 * `now`; undefined when absent or unreadable. Capped, and a date in the past means "now".
 */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  let ms: number
  if (/^\d+$/.test(text)) ms = Number(text) * 1000
  else {
    const at = Date.parse(text)
    if (!/[a-z]/i.test(text) || Number.isNaN(at)) return undefined
    ms = Math.max(0, at - now.getTime())
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS)
}
