import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { faultyFs } from './testing/fs-faults'
import { ensureDir, nodeFs } from './fs-layer'
import { isPidAlive } from './pid-alive'
import { parseTempName, tempPath } from './temp-names'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()

describe('nodeFs', () => {
  it('opens exclusively, writes every byte, syncs, links and renames', async () => {
    const dir = await tempDir()
    const big = Buffer.alloc(3 * 1024 * 1024, 7)
    const file = await nodeFs.open(join(dir, 'a'), 'wx')
    await nodeFs.write(file, big)
    await nodeFs.fsync(file)
    await nodeFs.close(file)
    expect((await readFile(join(dir, 'a'))).equals(big)).toBe(true)
    await expect(nodeFs.open(join(dir, 'a'), 'wx')).rejects.toMatchObject({ code: 'EEXIST' })
    await nodeFs.link(join(dir, 'a'), join(dir, 'b'))
    await expect(nodeFs.link(join(dir, 'a'), join(dir, 'b'))).rejects.toMatchObject({ code: 'EEXIST' })
    await nodeFs.rename(join(dir, 'b'), join(dir, 'c'))
    await nodeFs.fsyncDir(dir)
    expect((await nodeFs.readdir(dir)).sort()).toEqual(['a', 'c'])
  })

  it('ensureDir makes every folder it created known to its parent', async () => {
    const root = await tempDir()
    const f = faultyFs(nodeFs)
    await ensureDir(f.fs, join(root, 'a', 'b', 'c'))
    expect(f.calls.filter((c) => c.op === 'fsyncDir').map((c) => c.path)).toEqual([
      join(root, 'a', 'b'),
      join(root, 'a'),
      root,
    ])
    f.clear()
    await ensureDir(f.fs, join(root, 'a', 'b', 'c'))
    expect(f.calls.map((c) => c.op)).toEqual(['mkdir'])
  })
})

describe('faultyFs', () => {
  it('records calls with their outcome and fails only the matching calls, as often as asked', async () => {
    const dir = await tempDir()
    const f = faultyFs(nodeFs)
    f.fail('readdir', 'EIO', (c) => c.path === dir, 2)
    await expect(f.fs.readdir(dir)).rejects.toMatchObject({ code: 'EIO', errno: -5, syscall: 'readdir', path: dir })
    await expect(f.fs.readdir(dir)).rejects.toMatchObject({ code: 'EIO' })
    expect(await f.fs.readdir(dir)).toEqual([])
    expect(f.calls.map((c) => c.outcome)).toEqual(['EIO', 'EIO', 'ok'])
  })
})

describe('temp names and pids', () => {
  it('temp files sit beside their target and say whose they are', () => {
    const t = tempPath('/data/drafts/abc.json', 'tmp', 4242)
    expect(t).toMatch(/^\/data\/drafts\/\.abc\.json\.4242-[0-9a-f]{8}\.tmp$/)
    expect(parseTempName(t.split('/').pop()!)).toEqual({ target: 'abc.json', pid: 4242, kind: 'tmp' })
    expect(parseTempName('abc.json')).toBeNull()
    expect(parseTempName('abc.corrupt-2025-01-01T00-00-00-000Z.json')).toBeNull()
  })

  it('tells live processes from gone ones', () => {
    expect(isPidAlive(process.pid)).toBe(true)
    expect(isPidAlive(spawnSync(process.execPath, ['-e', '']).pid!)).toBe(false)
    expect(isPidAlive(0)).toBe(false)
    expect(isPidAlive(-1)).toBe(false)
  })
})
