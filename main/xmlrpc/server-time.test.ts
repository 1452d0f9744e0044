import { describe, expect, it } from 'vitest'
import { XmlRpcDateTime } from './values'
import { dateToServerFields, serverTimeToDate } from './server-time'

const dt = (zone: string | null = null, fraction = '') => new XmlRpcDateTime(2024, 7, 1, 12, 0, 0, fraction, zone)

describe('server time', () => {
  it('reads the wall clock in the profile’s zone: UTC, fixed offsets, IANA names with DST', () => {
    expect(serverTimeToDate(dt(), 'UTC').toISOString()).toBe('2024-07-01T12:00:00.000Z')
    expect(serverTimeToDate(dt(), '+02:00').toISOString()).toBe('2024-07-01T10:00:00.000Z')
    expect(serverTimeToDate(dt(), '-0800').toISOString()).toBe('2024-07-01T20:00:00.000Z')
    expect(serverTimeToDate(dt(), 'America/Los_Angeles').toISOString()).toBe('2024-07-01T19:00:00.000Z') // PDT
    const winter = new XmlRpcDateTime(2024, 1, 15, 12, 0, 0)
    expect(serverTimeToDate(winter, 'America/Los_Angeles').toISOString()).toBe('2024-01-15T20:00:00.000Z') // PST
  })

  it('lets a zone the sender wrote win over the profile, and keeps fractions', () => {
    expect(serverTimeToDate(dt('Z', '5'), 'Asia/Tokyo').toISOString()).toBe('2024-07-01T12:00:00.500Z')
    expect(serverTimeToDate(dt('+01:00'), 'America/New_York').toISOString()).toBe('2024-07-01T11:00:00.000Z')
  })

  it('turns an instant back into the server’s wall clock', () => {
    const at = new Date('2024-07-01T19:00:00Z')
    expect(dateToServerFields(at, 'America/Los_Angeles')).toEqual([2024, 7, 1, 12, 0, 0])
    expect(dateToServerFields(at, '+05:30')).toEqual([2024, 7, 2, 0, 30, 0])
  })
})
