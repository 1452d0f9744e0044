const units = ['bytes', 'KB', 'MB', 'GB']

export function formatBytes(n: number): string {
  let value = n
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${n} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

// toLocale*String builds a new Intl formatter on every call (about a millisecond each): a list of
// a few hundred rows re-rendered per progress event would block the main thread. Build them once.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const secondsFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })

/** "14:03" today, "12 Mar 14:03" otherwise: drafts and jobs are mostly recent. */
export function formatWhen(iso: string, now = new Date(), seconds = false): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const time = (seconds ? secondsFormat : timeFormat).format(d)
  if (d.toDateString() === now.toDateString()) return time
  return `${dayFormat.format(d)} ${time}`
}

/** "1.2 s", "340 ms": how long an exchange took. */
export const formatMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`)

const countFormat = new Intl.NumberFormat()

/** "12,345": counts shown on every keystroke, with one formatter built once. */
export const formatCount = (n: number): string => countFormat.format(n)
