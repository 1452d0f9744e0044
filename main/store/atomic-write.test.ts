import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { atomicWrite } from './atomic-write'
import { faultyFs, type FsOp } from './testing/fs-faults'
import { nodeFs } from './fs-layer'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const steps: FsOp[] = ['open', 'write', 'fsync', 'close', 'link', 'rename', 'fsyncDir']
const codes = ['EIO', 'ENOSPC', 'EROFS']

describe('atomicWrite', () => {
  it('replaces the file and leaves nothing else behind', async () => {
    const dir = await tempDir()
    const target = join(dir, 'a.json')
    await atomicWrite(nodeFs, target, 'one')
    await atomicWrite(nodeFs, target, 'two')
    expect(await readFile(target, 'utf8')).toBe('two')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('writes, fsyncs the file, renames, fsyncs the folder, and only then resolves', async () => {
    const dir = await tempDir()
    const target = join(dir, 'a.json')
    await writeFile(target, 'old')
    const f = faultyFs(nodeFs)
    const gate = f.hold('fsyncDir', (c) => c.path === dir)
    let resolved = false
    const done = atomicWrite(f.fs, target, 'new').then(() => (resolved = true))
    await gate.reached
    await new Promise((r) => setTimeout(r, 20))
    expect(resolved).toBe(false) // the folder fsync has not finished: not "Saved" yet
    gate.release()
    await done
    const order = f.calls.filter((c) => ['write', 'fsync', 'rename', 'fsyncDir'].includes(c.op)).map((c) => c.op)
    expect(order).toEqual(['write', 'fsync', 'rename', 'fsyncDir'])
    const tmp = f.calls.find((c) => c.op === 'write')!.path
    expect(tmp).not.toBe(target)
    expect(tmp.startsWith(dir)).toBe(true) // same folder, so the rename is atomic
    expect(f.calls.find((c) => c.op === 'fsync')!.path).toBe(tmp)
    expect(f.calls.find((c) => c.op === 'rename')).toMatchObject({ path: tmp, to: target })
    expect(f.calls.every((c) => c.outcome === 'ok')).toBe(true)
  })

  for (const op of steps) {
    for (const code of codes) {
      it(`${code} at ${op}: rejects with the code, previous version intact, no temp file`, async () => {
        const dir = await tempDir()
        const target = join(dir, 'a.json')
        await writeFile(target, 'previous')
        const f = faultyFs(nodeFs)
        f.fail(op, code)
        await expect(atomicWrite(f.fs, target, 'next')).rejects.toMatchObject({ code })
        expect(f.calls.some((c) => c.op === op && c.outcome === code)).toBe(true)
        expect(await readFile(target, 'utf8')).toBe('previous')
        expect(await readdir(dir)).toEqual(['a.json'])
      })
    }
  }

  for (const op of steps.filter((s) => s !== 'link')) {
    it(`EIO at ${op} on a first write leaves no file at all`, async () => {
      const dir = await tempDir()
      const f = faultyFs(nodeFs)
      f.fail(op, 'EIO')
      await expect(atomicWrite(f.fs, join(dir, 'a.json'), 'x')).rejects.toMatchObject({ code: 'EIO' })
      expect(await readdir(dir)).toEqual([])
    })
  }

  it('creates the file with the mode asked for', async () => {
    const dir = await tempDir()
    const target = join(dir, 's.json')
    await writeFile(target, '{}', { mode: 0o644 })
    await atomicWrite(nodeFs, target, 'secret', { mode: 0o600 })
    expect((await stat(target)).mode & 0o777).toBe(0o600)
  })
})
