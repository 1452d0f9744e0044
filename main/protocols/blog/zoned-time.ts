import { XmlRpcDateTime } from '../../xmlrpc/values'
import { isServerTimeZone } from '../../../shared/server-profile'
import { dateToServerFields, serverTimeToDate } from '../../xmlrpc/server-time'
import { InvalidInputError } from '../invalid-input-error'

/**
 * A date as a person chose it: the wall clock they typed and the zone they meant it in, never a
 * bare wall clock. "9:00 in Europe/Paris" stays 9:00 in Paris whatever zone the machine or the
 * server is in; a scheduled post that lands hours off is the classic blog-client bug.
 */
export interface ZonedTime {
  /** YYYY-MM-DDTHH:MM[:SS], no zone. */
  wall: string
  /** An IANA name ("Europe/Paris"), "UTC", or a fixed offset ("+02:00"). */
  zone: string
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** The instant a ZonedTime names. Refuses (before any network call) a wall clock or zone it can't read. */
export function zonedToDate(t: ZonedTime): Date {
  const m = WALL.exec(t.wall)
  if (!m) throw new InvalidInputError(`“${t.wall}” is not a date and time (YYYY-MM-DDTHH:MM).`, 'date')
  if (!isServerTimeZone(t.zone))
    throw new InvalidInputError(
      `“${t.zone}” is not a time zone (an IANA name such as Europe/Paris, or an offset such as +02:00).`,
      'date',
    )
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0))
  const date = serverTimeToDate(new XmlRpcDateTime(y, mo, d, h, mi, s), t.zone)
  if (Number.isNaN(date.getTime()) || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d)
    throw new InvalidInputError(`“${t.wall}” is not a real date.`, 'date')
  return date
}

/** An instant as a dateTime.iso8601 in the given zone's wall clock (the wire has no zone). */
export function wireDateTime(at: Date, zone: string): XmlRpcDateTime {
  const [y, mo, d, h, mi, s] = dateToServerFields(at, zone)
  return new XmlRpcDateTime(y, mo, d, h, mi, s)
}
