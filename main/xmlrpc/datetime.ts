import { XmlRpcDateTime } from './values'

// The 17-character form, plus what servers send: dashes, a fraction, Z or an offset.
const DATE_TIME =
  /^[ \t\n]*([0-9]{4})(-?)([0-9]{2})\2([0-9]{2})[Tt ]([0-9]{2})(:?)([0-9]{2})\6([0-9]{2})(?:[.,]([0-9]+))?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?[ \t\n]*$/

/** Reads a dateTime.iso8601; undefined when it is not one. Zone and fraction are kept, never applied. */
export function parseDateTime(text: string): XmlRpcDateTime | undefined {
  const m = DATE_TIME.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[3], m[4], m[5], m[7], m[8]].map(Number)
  const fraction = m[9] ?? ''
  const zone = m[10] ?? null
  if (zone !== null && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return undefined
  // WordPress writes 00000000T00:00:00Z for "no date": keep it as the all-zero value.
  const zeroDate = year === 0 && month === 0 && day === 0
  if (zeroDate)
    return hour === 0 && minute === 0 && second === 0 ? new XmlRpcDateTime(0, 0, 0, 0, 0, 0, fraction, zone) : undefined
  const dt = new XmlRpcDateTime(year, month, day, hour, minute, second, fraction, zone)
  return dateTimeProblem(dt) === undefined ? dt : undefined
}

/** Why a value cannot be a dateTime (undefined when it can). The all-zero date is allowed. */
export function dateTimeProblem(dt: XmlRpcDateTime): string | undefined {
  const { year, month, day, hour, minute, second } = dt
  const fields = [year, month, day, hour, minute, second]
  if (!fields.every(Number.isInteger)) return 'dateTime fields must be integers'
  if (fields.every((f) => f === 0)) return undefined
  if (year < 0 || year > 9999) return `year ${year} is outside 0000–9999`
  if (month < 1 || month > 12) return `month ${month} is outside 1–12`
  if (day < 1 || day > daysInMonth(year, month)) return `day ${day} does not exist in ${year}-${month}`
  if (hour > 23 || hour < 0) return `hour ${hour} is outside 0–23`
  if (minute > 59 || minute < 0) return `minute ${minute} is outside 0–59`
  if (second > 60 || second < 0) return `second ${second} is outside 0–60`
  return undefined
}

/** YYYYMMDDTHH:MM:SS exactly: no zone, no fraction (the spec has neither). */
export function formatDateTime(dt: XmlRpcDateTime): string {
  return `${pad(dt.year, 4)}${pad(dt.month, 2)}${pad(dt.day, 2)}T${pad(dt.hour, 2)}:${pad(dt.minute, 2)}:${pad(dt.second, 2)}`
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
