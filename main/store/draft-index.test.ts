import { readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DraftInput } from '../../shared/model'
import { fold } from '../../shared/fold'
import { openDraftStore } from './drafts'
import { nodeFs } from './fs-layer'
import { faultyFs } from './testing/fs-faults'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const page = (title: string, body = 'Some words.'): DraftInput => ({ kind: 'page', format: 'html', title, body })
const reads = (calls: { op: string; path: string }[]) =>
  calls.filter((c) => c.op === 'readFile' && c.path.endsWith('.json') && c.path.includes('/drafts/')).length
/** Moves the drafts folder's mtime out of the racy window, as a minute passing would. */
const settle = (data: string) =>
  utimes(join(data, 'drafts'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))

describe('fold', () => {
  it('folds case and diacritics, and letters decomposition leaves alone', () => {
    expect(fold('Grüße aus Köln')).toBe('grusse aus koln')
    expect(fold('CAFÉ Œuvre Ærø Łódź')).toBe('cafe oeuvre aero lodz')
  })
})

describe('the drafts index', () => {
  it('a search folds case and diacritics: "grusse" finds "Grüße", "CAFE" finds "café"', async () => {
    const store = openDraftStore(await tempDir())
    const a = await store.create(page('Grüße aus Berlin'))
    const b = await store.create(page('Menu', 'un café crème'))
    await store.create(page('Other'))
    expect((await store.list({ text: 'grusse' })).map((s) => s.id)).toEqual([a.id])
    expect((await store.list({ text: 'CAFE creme' })).map((s) => s.id)).toEqual([b.id])
    expect(await store.list({ text: 'cafe berlin' })).toEqual([])
  })

  it('an unchanged folder is listed without reading one draft file again', async () => {
    const data = await tempDir()
    const seed = openDraftStore(data, { indexFile: null })
    for (let i = 0; i < 20; i++) await seed.create(page(`Draft ${i}`))
    await settle(data)
    const f = faultyFs(nodeFs)
    const store = openDraftStore(data, { fs: f.fs, indexFile: null })
    expect(await store.list()).toHaveLength(20)
    expect(reads(f.calls)).toBe(20) // the first scan reads each once
    expect((await store.list({ text: 'draft 17' })).map((s) => s.title)).toEqual(['Draft 17'])
    expect(await store.list()).toHaveLength(20)
    expect(reads(f.calls)).toBe(20)
  })

  it('sees what another process wrote: a new draft, a changed one, a removed one', async () => {
    const data = await tempDir()
    const mine = openDraftStore(data, { indexFile: null })
    const theirs = openDraftStore(data, { indexFile: null })
    const kept = await mine.create(page('Kept'))
    const changed = await mine.create(page('Before'))
    await settle(data)
    expect((await mine.list()).map((s) => s.title).sort()).toEqual(['Before', 'Kept'])
    await theirs.save({ ...page('After'), id: changed.id })
    const added = await theirs.create(page('Added by the other'))
    const list = await mine.list()
    expect(list.map((s) => s.title).sort()).toEqual(['Added by the other', 'After', 'Kept'])
    expect((await mine.list({ text: 'other' })).map((s) => s.id)).toEqual([added.id])
    expect(kept.id).toBeTruthy()
  })

  it('a persisted index serves the next start; a stale one (crash before persisting) is corrected', async () => {
    const data = await tempDir()
    const first = openDraftStore(data)
    const d = await first.create(page('Saved', 'old text'))
    for (let i = 0; i < 5; i++) await first.create(page(`More ${i}`))
    await first.flush()
    const cache = JSON.parse(await readFile(join(data, 'cache', 'drafts-index.json'), 'utf8'))
    expect(cache.entries).toHaveLength(6)
    // Another save whose index update never reached the cache, as if the app was killed.
    const raw = JSON.parse(await readFile(join(data, 'drafts', `${d.id}.json`), 'utf8'))
    await writeFile(join(data, 'drafts', `${d.id}.json`), JSON.stringify({ ...raw, body: 'new text', revision: 9 }))
    await settle(data)
    const f = faultyFs(nodeFs)
    const next = openDraftStore(data, { fs: f.fs })
    expect((await next.list({ text: 'new text' })).map((s) => s.id)).toEqual([d.id])
    expect(await next.list({ text: 'old text' })).toEqual([])
    expect(reads(f.calls)).toBe(1) // only the file that changed
  })

  it('a start on an unchanged folder reads the cache alone: no stat or read per draft', async () => {
    const data = await tempDir()
    const first = openDraftStore(data)
    for (let i = 0; i < 10; i++) await first.create(page(`Draft ${i}`))
    await settle(data)
    expect(await first.list()).toHaveLength(10)
    await first.flush()
    const f = faultyFs(nodeFs)
    expect((await openDraftStore(data, { fs: f.fs }).list({ text: 'draft 3' })).map((s) => s.title)).toEqual([
      'Draft 3',
    ])
    expect(f.calls.filter((c) => c.path.includes('/drafts/')).map((c) => c.op)).toEqual([])
    expect(f.calls.filter((c) => c.op === 'stat').length).toBe(1) // the folder itself
  })

  it('a damaged cache file is only a slower start', async () => {
    const data = await tempDir()
    const first = openDraftStore(data)
    await first.create(page('Still here'))
    await first.flush()
    await writeFile(join(data, 'cache', 'drafts-index.json'), '{"version":1,"entr')
    expect((await openDraftStore(data).list()).map((s) => s.title)).toEqual(['Still here'])
  })
})
