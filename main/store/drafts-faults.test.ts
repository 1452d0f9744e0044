import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DraftInput } from '../../shared/model'
import { openDraftStore } from './drafts'
import { faultyFs, type FsOp } from './testing/fs-faults'
import { nodeFs } from './fs-layer'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const input = (body: string): DraftInput => ({ id: 'd1', kind: 'post', format: 'text', title: 'T', body })

// SIGKILL keeps the page cache, so a crash test cannot prove durability: the order of calls does.
describe('DraftStore: "Saved" only after the bytes are durable', () => {
  it('write → fsync(file) → rename → fsync(folder) all finish before save resolves', async () => {
    const data = await tempDir()
    const f = faultyFs(nodeFs)
    const store = openDraftStore(data, { fs: f.fs })
    await store.save(input('v1'))
    f.clear()
    const dir = join(data, 'drafts')
    const gate = f.hold('fsyncDir', (c) => c.path === dir)
    let saved = false
    const save = store.save(input('v2')).then(() => (saved = true))
    await gate.reached
    await new Promise((r) => setTimeout(r, 20))
    expect(saved).toBe(false)
    gate.release()
    await save
    const durable = f.calls.filter((c) => ['write', 'fsync', 'rename', 'fsyncDir'].includes(c.op))
    // The replaced text goes to the history first (main/store/draft-history.ts), then the draft file.
    const steps = durable.filter((c) => c.path.startsWith(dir))
    const kept = durable.filter((c) => c.path.startsWith(join(data, 'history')))
    expect(kept.map((c) => c.op).slice(-4)).toEqual(['write', 'fsync', 'rename', 'fsyncDir'])
    expect(durable.indexOf(kept.at(-1)!)).toBeLessThan(durable.indexOf(steps[0]))
    expect(steps.map((c) => c.op)).toEqual(['write', 'fsync', 'rename', 'fsyncDir'])
    expect(steps.every((c) => c.outcome === 'ok')).toBe(true)
    expect(steps[2].to).toBe(join(dir, 'd1.json'))
  })

  const ops: FsOp[] = ['open', 'write', 'fsync', 'close', 'link', 'rename', 'fsyncDir']
  const messages: Record<string, RegExp> = {
    ENOSPC: /^Not saved: the disk is full \(ENOSPC\)\. Free some space; your text is still in the editor\.$/,
    EROFS: /^Not saved: the data folder is on a read-only disk \(EROFS\)\./,
    EIO: /^Not saved: the disk reported a read\/write error \(EIO\)\./,
  }
  for (const op of ops) {
    for (const code of Object.keys(messages)) {
      it(`${code} at ${op}: no "Saved", the previous version intact, no temp file`, async () => {
        const data = await tempDir()
        const f = faultyFs(nodeFs)
        const store = openDraftStore(data, { fs: f.fs })
        const v1 = await store.save(input('previous text'))
        const file = join(data, 'drafts', 'd1.json')
        const before = await readFile(file, 'utf8')
        f.fail(op, code)
        await expect(store.save(input('new text'))).rejects.toMatchObject({
          kind: 'storage',
          code,
          message: expect.stringMatching(messages[code]),
        })
        expect(await readFile(file, 'utf8')).toBe(before)
        expect(await store.get('d1')).toEqual(v1)
        expect(await readdir(join(data, 'drafts'))).toEqual(['d1.json'])
        // Once the disk recovers the next save goes through and the revision follows the last good one.
        expect(await store.save(input('new text'))).toMatchObject({ revision: 2, body: 'new text' })
      })
    }
  }

  it('a folder that cannot be created fails the save loudly and is retried next time', async () => {
    const f = faultyFs(nodeFs)
    const store = openDraftStore(await tempDir(), { fs: f.fs })
    f.fail('mkdir', 'EROFS')
    await expect(store.save(input('x'))).rejects.toMatchObject({ code: 'EROFS' })
    expect(await store.save(input('x'))).toMatchObject({ revision: 1 })
  })
})
