import { describe, expect, it } from 'vitest'
import { backoffMs } from './backoff'
import { BACKOFF_CAP_MS, MAX_RETRY_AFTER_MS } from './policy'
import { retryAfterMs } from './retry-after'

const now = new Date('2026-01-01T00:00:00Z')

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates; a past date means now; nonsense means absent', () => {
    expect(retryAfterMs('0', now)).toBe(0)
    expect(retryAfterMs(' 30 ', now)).toBe(30_000)
    expect(retryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000)
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    expect(retryAfterMs('-5', now)).toBeUndefined()
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryAfterMs('12.5', now)).toBeUndefined()
    expect(retryAfterMs(undefined, now)).toBeUndefined()
  })

  it('is capped, so a typo cannot park a job for a year', () => {
    expect(retryAfterMs(String(365 * 24 * 3600), now)).toBe(MAX_RETRY_AFTER_MS)
  })
})

describe('backoff', () => {
  it('full jitter: uniform below a ceiling that doubles from 2 s and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000])
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS)
    expect(backoffMs(1000, () => 1)).toBe(BACKOFF_CAP_MS)
    expect(backoffMs(5, () => 0)).toBe(0)
    expect(backoffMs(3, () => 0.5)).toBe(4_000)
  })
})
