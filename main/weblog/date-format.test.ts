import { describe, expect, it } from 'vitest'
import { displayDate, isoInZone, rfc822 } from './date-format'

describe('dates in the weblog’s explicit zone', () => {
  const summer = new Date('2024-05-14T07:30:05Z')
  const winter = new Date('2024-01-31T23:30:00Z')

  it('writes RFC 822 with a numeric zone, summer time included', () => {
    expect(rfc822(summer, 'Europe/Berlin')).toBe('Tue, 14 May 2024 09:30:05 +0200')
    expect(rfc822(winter, 'Europe/Berlin')).toBe('Thu, 01 Feb 2024 00:30:00 +0100')
    expect(rfc822(summer, 'America/St_Johns')).toBe('Tue, 14 May 2024 05:00:05 -0230')
    expect(rfc822(summer, 'UTC')).toBe('Tue, 14 May 2024 07:30:05 +0000')
    expect(rfc822(summer, '+05:45')).toBe('Tue, 14 May 2024 13:15:05 +0545')
    expect(rfc822(summer, '-0800')).toBe('Mon, 13 May 2024 23:30:05 -0800')
  })

  it('never depends on the machine’s zone', () => {
    const before = process.env.TZ
    process.env.TZ = 'Asia/Tokyo'
    try {
      expect(rfc822(summer, 'Europe/Berlin')).toBe('Tue, 14 May 2024 09:30:05 +0200')
    } finally {
      process.env.TZ = before
    }
  })

  it('gives people and <time> the same wall clock', () => {
    expect(isoInZone(winter, 'Europe/Berlin')).toBe('2024-02-01T00:30:00+01:00')
    expect(displayDate(winter, 'Europe/Berlin')).toBe('1 February 2024, 00:30')
  })
})
