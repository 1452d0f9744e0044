import type { XmlRpcDateTime } from './values'

/**
 * A dateTime.iso8601 carries the server's wall clock and no zone, so it becomes an instant only
 * with the account's zone policy (ServerProfile.timeZone). A zone the sender did write wins.
 * Never converted silently elsewhere: scheduled posts landing hours off is the classic bug.
 */
export function serverTimeToDate(dt: XmlRpcDateTime, timeZone: string): Date {
  const ms = (Number(`0.${dt.fraction || '0'}`) * 1000) | 0
  const wall = Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second, ms)
  const zone = dt.zone ?? timeZone
  const fixed = fixedOffsetMinutes(zone)
  if (fixed !== null) return new Date(wall - fixed * 60_000)
  // An IANA zone: the offset at the guessed instant, corrected once for a DST change in between.
  let instant = wall - zoneOffsetMinutes(zone, wall) * 60_000
  instant = wall - zoneOffsetMinutes(zone, instant) * 60_000
  return new Date(instant)
}

/** The server's wall clock for an instant: what to send it as a dateTime.iso8601. */
export function dateToServerFields(date: Date, timeZone: string): [number, number, number, number, number, number] {
  const fixed = fixedOffsetMinutes(timeZone)
  const offset = fixed ?? zoneOffsetMinutes(timeZone, date.getTime())
  const d = new Date(date.getTime() + offset * 60_000)
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ]
}

function fixedOffsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'UTC') return 0
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  if (!m) return null
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0))
}

/** Minutes east of UTC in an IANA zone at an instant. */
function zoneOffsetMinutes(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant))
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000)
}
