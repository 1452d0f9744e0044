import fc from 'fast-check'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Draft } from '../../shared/model'
import { openDraftStore } from './drafts'
import { faultyFs } from './testing/fs-faults'
import { nodeFs, type FsLayer } from './fs-layer'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()

/** Every call takes a random few milliseconds, so unserialised saves would interleave. */
function jittery(inner: FsLayer, delays: number[]): FsLayer {
  let i = 0
  const wait = () => new Promise((r) => setTimeout(r, delays[i++ % delays.length]))
  const out = {} as Record<keyof FsLayer, unknown>
  for (const key of Object.keys(inner) as (keyof FsLayer)[]) {
    out[key] = async (...args: unknown[]) => {
      await wait()
      return (inner[key] as (...a: unknown[]) => Promise<unknown>)(...args)
    }
  }
  return out as unknown as FsLayer
}

describe('DraftStore: concurrent saves of one draft', () => {
  it('run in call order, the last call wins, each resolves only once its own bytes are durable', async () => {
    const data = await tempDir()
    const f = faultyFs(nodeFs)
    const store = openDraftStore(data, { fs: f.fs })
    const dir = join(data, 'drafts')
    const durable = () => f.calls.filter((c) => c.op === 'fsyncDir' && c.path === dir && c.outcome === 'ok').length
    const seen: { draft: Draft; durableAtResolve: number }[] = []
    const saves = Array.from({ length: 20 }, (_, n) =>
      store
        .save({ id: 'same', kind: 'post', format: 'text', title: `t${n}`, body: `body ${n}` })
        .then((draft) => seen.push({ draft, durableAtResolve: durable() })),
    )
    await Promise.all(saves)
    expect(seen.map((s) => s.draft.body)).toEqual(Array.from({ length: 20 }, (_, n) => `body ${n}`))
    expect(seen.map((s) => s.draft.revision)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1))
    // Save number n resolves after at least n folder fsyncs (the first also fsyncs the data dir once).
    for (const s of seen) expect(s.durableAtResolve).toBeGreaterThanOrEqual(s.draft.revision)
    expect(await store.get('same')).toMatchObject({ body: 'body 19', revision: 20 })
  })

  it('property: whatever the timing, each draft ends as its last call and revisions follow call order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.string({ maxLength: 30 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }),
        async (calls, delays) => {
          const store = openDraftStore(await tempDir(), { fs: jittery(nodeFs, delays) })
          const results = await Promise.all(
            calls.map(([id, body]) => store.save({ id, kind: 'post', format: 'text', title: '', body })),
          )
          for (const id of ['a', 'b', 'c']) {
            const mine = calls.map(([cid], i) => (cid === id ? results[i] : null)).filter((r): r is Draft => r !== null)
            expect(mine.map((r) => r.revision)).toEqual(mine.map((_, i) => i + 1))
            const last = calls.filter(([cid]) => cid === id).at(-1)
            expect((await store.get(id))?.body).toBe(last?.[1])
          }
        },
      ),
      { numRuns: 25 },
    )
  })

  it('flush waits for saves still in flight', async () => {
    const f = faultyFs(nodeFs)
    const data = await tempDir()
    const store = openDraftStore(data, { fs: f.fs })
    const gate = f.hold('fsync')
    let done = false
    void store.save({ id: 'q', kind: 'post', format: 'text', title: '', body: 'x' }).then(() => (done = true))
    await gate.reached
    const flushed = store.flush()
    setTimeout(gate.release, 20)
    await flushed
    expect(done).toBe(true)
  })
})
