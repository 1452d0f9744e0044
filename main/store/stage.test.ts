import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { stageUpload, stagingDir, sweepStaging } from './stage'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const body = (bytes: number) => Readable.from([Buffer.alloc(bytes, 1)]) as unknown as IncomingMessage

describe('staged uploads', () => {
  it('never attached: removed after a day, younger ones kept', async () => {
    const data = await tempDir()
    const dir = stagingDir(data)
    await mkdir(dir)
    await writeFile(join(dir, 'old'), 'x')
    await writeFile(join(dir, 'new'), 'y')
    const now = Date.now()
    const dayAndAnHourAgo = (now - 25 * 60 * 60 * 1000) / 1000
    await utimes(join(dir, 'old'), dayAndAnHourAgo, dayAndAnHourAgo)
    expect(await sweepStaging(data, now)).toBe(1)
    expect(await readdir(dir)).toEqual(['new'])
  })

  it('capped in total: an upload that would pass the cap is refused and leaves nothing', async () => {
    const data = await tempDir()
    const first = await stageUpload(body(600), data, 10_000, 1000)
    expect(first.size).toBe(600)
    await expect(stageUpload(body(600), data, 10_000, 1000)).rejects.toThrow('larger than 400 bytes')
    await stageUpload(body(400), data, 10_000, 1000)
    await expect(stageUpload(body(1), data, 10_000, 1000)).rejects.toThrow('already holds 1000 bytes')
    expect(await readdir(stagingDir(data))).toHaveLength(2)
  })
})
