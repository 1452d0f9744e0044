import { offsetText, zonedParts } from './zoned-time'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const two = (n: number) => String(n).padStart(2, '0')

/** RSS 2.0's date: RFC 822 with a four-digit year and a numeric zone, "Tue, 14 May 2024 09:30:00 +0200". */
export function rfc822(date: Date, zone: string): string {
  const p = zonedParts(date, zone)
  return `${DAYS[p.weekday]}, ${two(p.day)} ${MONTHS[p.month - 1]} ${p.year} ${two(p.hour)}:${two(p.minute)}:${two(p.second)} ${offsetText(p.offsetMinutes)}`
}

/** ISO 8601 in the zone, for <time datetime>: "2024-05-14T09:30:00+02:00". */
export function isoInZone(date: Date, zone: string): string {
  const p = zonedParts(date, zone)
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${offsetText(p.offsetMinutes, ':')}`
}

/** For people: "14 May 2024, 09:30". */
export function displayDate(date: Date, zone: string): string {
  const p = zonedParts(date, zone)
  return `${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}, ${two(p.hour)}:${two(p.minute)}`
}

/** "May 2024". */
export const monthLabel = (year: number, month: number): string => `${MONTH_NAMES[month - 1]} ${year}`
