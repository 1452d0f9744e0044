import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { useTempDirs } from '../store/testing/test-dir'
import { HashCache } from './hash-cache'

describe('HashCache', () => {
  const tempDir = useTempDirs()
  const stamp = { size: 10, mtimeMs: 1_700_000_000_123.5, ino: 7 }

  it('trusts an entry only when the file was not modified within a clock tick of hashing (racy clean)', async () => {
    const cache = await HashCache.load(join(await tempDir(), 'c.json'))
    cache.set('a', stamp, 'h', stamp.mtimeMs + 50)
    expect(cache.get('a', stamp)).toBeUndefined() // hashed 50 ms after the mtime: could still change unseen
    cache.set('a', stamp, 'h', stamp.mtimeMs + 500)
    expect(cache.get('a', stamp)).toBe('h')
    expect(cache.get('a', { ...stamp, size: 11 })).toBeUndefined()
    expect(cache.get('a', { ...stamp, ino: 8 })).toBeUndefined()
    expect(cache.get('a', { ...stamp, mtimeMs: stamp.mtimeMs + 1 })).toBeUndefined()
  })

  it('allows 2 s where mtimes are whole seconds (FAT, HFS+), and survives a save and reload', async () => {
    const file = join(await tempDir(), 'c.json')
    const coarse = { ...stamp, mtimeMs: 1_700_000_000_000 }
    const cache = await HashCache.load(file)
    cache.set('a', coarse, 'h1', coarse.mtimeMs + 1500)
    cache.set('b', coarse, 'h2', coarse.mtimeMs + 2500)
    await cache.save()
    const again = await HashCache.load(file)
    expect(again.get('a', coarse)).toBeUndefined()
    expect(again.get('b', coarse)).toBe('h2')
  })
})
