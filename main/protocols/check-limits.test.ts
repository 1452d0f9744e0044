import { describe, expect, it } from 'vitest'
import { checkLimits } from './check-limits'

describe('checkLimits', () => {
  const caps = { maxFileSize: 100, legalFileExtensions: ['html', 'GIF'], maxBytesPerUser: 250, ctBytesInUse: 50 }

  it('names each file with each limit it breaks', () => {
    const v = checkLimits(
      [
        { path: 'a.html', size: 100 },
        { path: 'b.exe', size: 101 },
        { path: 'dir/README', size: 1 },
        { path: 'pic.gif', size: 90 },
        { path: 'c.html', size: 20 },
      ],
      caps,
    )
    expect(v.map((x) => [x.path, x.limit])).toEqual([
      ['b.exe', 'maxFileSize'],
      ['b.exe', 'legalFileExtensions'],
      ['dir/README', 'legalFileExtensions'],
      ['c.html', 'quota'],
    ])
    expect(v[0].message).toMatch(/101 bytes.*at most 100/)
    expect(v[2].message).toMatch(/no extension/)
    expect(v[3].message).toMatch(/10 bytes left/)
  })

  it('checks nothing the server did not state; an empty extension list means any', () => {
    expect(checkLimits([{ path: 'x.bin', size: 10 ** 9 }], {})).toEqual([])
    expect(checkLimits([{ path: 'x.bin', size: 1 }], { legalFileExtensions: [] })).toEqual([])
  })

  it('compares extensions without case, by the last dot of the name only', () => {
    expect(
      checkLimits(
        [
          { path: 'A.HTML', size: 1 },
          { path: 'v1.2/index', size: 1 },
          { path: '.html', size: 1 },
        ],
        { legalFileExtensions: ['html'] },
      ).map((x) => x.path),
    ).toEqual(['v1.2/index', '.html'])
  })
})
