import { describe, expect, it } from 'vitest'
import { applyLimits } from './limits-before-sending'

describe('limits before sending', () => {
  const up = (path: string, size: number) => ({ path, size, reason: 'new' as const })
  const caps = { maxFileSize: 100, legalFileExtensions: ['html', 'xml'], maxBytesPerUser: 1000, ctBytesInUse: 950 }

  it('refuses by extension and size, and counts what the sync frees toward the quota', () => {
    const known = new Map([['old.html', { hash: 'x', size: 60, url: null, at: '' }]])
    const { send, refused } = applyLimits(
      [up('old.html', 90), up('a.exe', 1), up('big.html', 101), up('b.html', 40), up('c.html', 30)],
      [{ path: 'gone.html', url: null, size: 20 }],
      known,
      caps,
    )
    // In use 950 − 60 (old.html replaced) − 20 (gone.html deleted) = 870: 90 and 40 fit, then 30 does not.
    expect(send.map((u) => u.path)).toEqual(['old.html', 'b.html'])
    expect(refused.map((v) => [v.path, v.limit])).toEqual([
      ['a.exe', 'legalFileExtensions'],
      ['big.html', 'maxFileSize'],
      ['c.html', 'quota'],
    ])
  })
})
