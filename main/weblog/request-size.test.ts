import { describe, expect, it } from 'vitest'
import { encodeCall } from '../xmlrpc/encode'
import { packBatches } from './request-size'

describe('request-size-capped batches', () => {
  const file = (path: string, size: number) => ({ path, size, bytes: Buffer.alloc(size, 7) })
  const encodedSize = (batch: ReturnType<typeof file>[]) =>
    Buffer.byteLength(
      encodeCall('xmlStorageSystem.saveMultipleFiles', [
        '0012345',
        'd41d8cd98f00b204e9800998ecf8427e',
        batch.map((f) => f.path),
        batch.map((f) => f.bytes),
      ]),
    )

  it('keeps every real encoded request under the cap, and fills requests close to it', () => {
    const files = Array.from({ length: 300 }, (_, i) =>
      file(`pages/a & b <${i}>/page ${i}.html`, 1000 + ((i * 37) % 4000)),
    )
    const cap = 64 * 1024
    const batches = packBatches(files, { maxRequestBytes: cap, maxFilesPerRequest: 1000 })
    expect(batches.flat().map((f) => f.path)).toEqual(files.map((f) => f.path))
    for (const b of batches) expect(encodedSize(b)).toBeLessThanOrEqual(cap)
    for (const b of batches.slice(0, -1)) expect(encodedSize(b)).toBeGreaterThan(cap * 0.9)
  })

  it('sends a file larger than the cap alone, and respects the per-request file count', () => {
    const batches = packBatches([file('a.html', 10), file('big.mp3', 100_000), file('b.html', 10)], {
      maxRequestBytes: 8192,
      maxFilesPerRequest: 10,
    })
    expect(batches.map((b) => b.map((f) => f.path))).toEqual([['a.html'], ['big.mp3'], ['b.html']])
    expect(
      packBatches(
        Array.from({ length: 5 }, (_, i) => file(`${i}.txt`, 1)),
        { maxRequestBytes: 1 << 20, maxFilesPerRequest: 2 },
      ).map((b) => b.length),
    ).toEqual([2, 2, 1])
  })
})
