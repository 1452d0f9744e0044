import { spawn, spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLock } from './locks'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const bootedAt = Date.now() - uptime() * 1000
const lockOf = (pid: number, extra: object = {}) =>
  JSON.stringify({ pid, host: hostname(), bootedAt, token: 'feedfacefeedface', at: 'then', ...extra })

describe('acquireLock', () => {
  it('is exclusive: a second holder gets null until the first releases', async () => {
    const data = await tempDir()
    const first = await acquireLock(data)
    expect(first).not.toBeNull()
    expect(JSON.parse(await readFile(join(data, 'publisher.lock'), 'utf8')).pid).toBe(process.pid)
    expect(await acquireLock(data)).toBeNull()
    expect(await first!.held()).toBe(true)
    await first!.release()
    expect(await readdir(data)).toEqual([])
    const second = await acquireLock(data)
    expect(second).not.toBeNull()
    await first!.release() // releasing twice does not free someone else's lock
    expect(await second!.held()).toBe(true)
  })

  it('lets only one of many simultaneous callers win', async () => {
    const data = await tempDir()
    const locks = await Promise.all(
      Array.from({ length: 10 }, (_, i) => acquireLock(data, 'publisher', { pid: 1_000_000 + i, isAlive: () => true })),
    )
    expect(locks.filter(Boolean)).toHaveLength(1)
    expect((await readdir(data)).filter((n) => n !== 'publisher.lock')).toEqual([])
  })

  it('is not taken from another live process', async () => {
    const data = await tempDir()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
    try {
      await writeFile(join(data, 'publisher.lock'), lockOf(other.pid!))
      expect(await acquireLock(data)).toBeNull()
    } finally {
      other.kill()
    }
  })

  it('takes over a lock whose process is gone', async () => {
    const data = await tempDir()
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    await writeFile(join(data, 'publisher.lock'), lockOf(dead))
    const lock = await acquireLock(data)
    expect(lock).not.toBeNull()
    expect(JSON.parse(await readFile(join(data, 'publisher.lock'), 'utf8')).pid).toBe(process.pid)
    expect(await readdir(data)).toEqual(['publisher.lock'])
  })

  it('takes over a lock from before a reboot even if its pid is in use again, and debris', async () => {
    const data = await tempDir()
    await writeFile(join(data, 'publisher.lock'), lockOf(process.ppid, { bootedAt: bootedAt - 86_400_000 }))
    const lock = await acquireLock(data)
    expect(lock).not.toBeNull()
    await lock!.release()
    await writeFile(join(data, 'publisher.lock'), 'not json')
    expect(await acquireLock(data)).not.toBeNull()
  })

  it("leaves another machine's lock alone (its pids cannot be checked from here)", async () => {
    const data = await tempDir()
    await writeFile(join(data, 'publisher.lock'), lockOf(999_999_999, { host: 'elsewhere.example' }))
    expect(await acquireLock(data)).toBeNull()
  })

  it('of many processes finding the same stale lock, exactly one takes it over', async () => {
    for (let round = 0; round < 20; round++) {
      const data = await tempDir()
      await writeFile(join(data, 'publisher.lock'), lockOf(999_999_999))
      const isAlive = (pid: number) => pid !== 999_999_999
      const locks = await Promise.all(
        Array.from({ length: 6 }, (_, i) => acquireLock(data, 'publisher', { pid: 2_000_000 + i, isAlive })),
      )
      const winners = locks.filter((l) => l !== null)
      expect(winners).toHaveLength(1)
      expect(await winners[0]!.held()).toBe(true)
    }
  })
})
