/** An instant's wall clock in a zone, with that zone's offset then. */
export interface ZonedParts {
  year: number
  month: number // 1–12
  day: number
  hour: number
  minute: number
  second: number
  weekday: number // 0 = Sunday
  offsetMinutes: number
}

const FIXED = /^([+-])(\d{2}):?(\d{2})$/
const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * Where the weblog's explicit zone puts `date`: an IANA name (its offset on that day, summer time
 * included) or a fixed offset ("+02:00"). Never the machine's own zone unless that is the setting.
 */
export function zonedParts(date: Date, zone: string): ZonedParts {
  const offsetMinutes = offsetOf(date, zone)
  const wall = new Date(date.getTime() + offsetMinutes * 60_000)
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
    offsetMinutes,
  }
}

function offsetOf(date: Date, zone: string): number {
  if (zone === 'UTC' || zone === 'Z') return 0
  const fixed = FIXED.exec(zone)
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]))
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    formats.set(zone, format)
  }
  const name = format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-])(\d{1,2}):?(\d{2})?/.exec(name)
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0
}

/** "+0200", "-0530", "+0000": RFC 822's numeric zone. */
export function offsetText(minutes: number, separator = ''): string {
  const abs = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${separator}${String(abs % 60).padStart(2, '0')}`
}
