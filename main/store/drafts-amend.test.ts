import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DraftInput, Enclosure } from '../../shared/model'
import type { DraftAmendment } from './draft-amend'
import { openDraftStore } from './drafts'
import { faultyFs } from './testing/fs-faults'
import { nodeFs } from './fs-layer'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const message: DraftInput = {
  id: 'm1',
  kind: 'message',
  format: 'html',
  title: 'Hello',
  body: '<p>Hi</p>',
  accountId: 'dg',
}
const base = {
  msgnum: '000042',
  title: 'Hello',
  body: '<p>Hi</p>',
  fetchedAt: '2025-01-01T00:00:00.000Z',
  members: { url: 'http://x/42' },
}
const enclosure = (name: string): Enclosure => ({
  name,
  type: 'image/png',
  size: 3,
  storedAs: `f-${name.replace(/\W/g, '')}`,
})

describe('DraftStore: app-owned fields (base, conflict, enclosures)', () => {
  it('save with extra writes the base in the same, first write; inResponseTo is kept', async () => {
    const data = await tempDir()
    const store = openDraftStore(data)
    const d = await store.save({ ...message, inResponseTo: '000041' }, { base })
    expect(d).toMatchObject({ revision: 1, base, inResponseTo: '000041' })
    expect(JSON.parse(await readFile(join(data, 'drafts', 'm1.json'), 'utf8'))).toEqual(d)
    // The editor's later saves keep what only the app sets.
    expect(await store.save({ ...message, body: 'edited' })).toMatchObject({
      revision: 2,
      base,
      inResponseTo: '000041',
      body: 'edited',
    })
  })

  it('amend sets and removes fields durably, bumps the revision, and keeps the rest', async () => {
    const data = await tempDir()
    const store = openDraftStore(data)
    await store.save(message, { base })
    const conflict = { detectedAt: '2025-01-02T00:00:00.000Z', theirs: { title: 'Theirs', body: 'their words' } }
    const withConflict = await store.amend('m1', () => ({ conflict }))
    expect(withConflict).toMatchObject({ revision: 2, conflict, base, body: '<p>Hi</p>' })
    const resolved = await store.amend('m1', () => ({
      conflict: null,
      base: { ...base, ...conflict.theirs },
      title: 'Theirs',
      body: 'their words',
      format: 'html',
    }))
    expect(resolved).not.toHaveProperty('conflict')
    expect(resolved).toMatchObject({
      revision: 3,
      title: 'Theirs',
      body: 'their words',
      base: { msgnum: '000042', body: 'their words' },
    })
    // What a fresh process reads back is what was confirmed.
    expect(await openDraftStore(data).get('m1')).toEqual(resolved)
  })

  it('concurrent amends each see the latest list, so no attachment is lost', async () => {
    const store = openDraftStore(await tempDir())
    await store.save(message)
    const names = ['a.png', 'b.png', 'c.png', 'd.png', 'e.png']
    await Promise.all(
      names.map((n) => store.amend('m1', (d) => ({ enclosures: [...(d.enclosures ?? []), enclosure(n)] }))),
    )
    const d = await store.get('m1')
    expect(d!.enclosures!.map((e) => e.name).sort()).toEqual(names)
    expect(d!.revision).toBe(1 + names.length)
  })

  it('refuses a malformed change before writing anything', async () => {
    const data = await tempDir()
    const store = openDraftStore(data)
    await store.save(message)
    const file = join(data, 'drafts', 'm1.json')
    const before = await readFile(file, 'utf8')
    const bad: [DraftAmendment, RegExp][] = [
      [{ enclosures: [{ ...enclosure('a'), storedAs: '../../settings.json' }] }, /plain stored file name/],
      [{ enclosures: [enclosure('a'), enclosure('a')] }, /same name/],
      [{ enclosures: [{ ...enclosure('a'), size: -1 }] }, /enclosure 1/],
      [{ base: { title: 'x' } as never }, /base/],
      [{ conflict: { detectedAt: 'now', theirs: { title: 1 } } as never }, /conflict/],
      [{ inResponseTo: 1.5 }, /inResponseTo/],
      [{ format: 'rtf' as never }, /format/],
    ]
    for (const [change, message] of bad)
      await expect(store.amend('m1', () => change)).rejects.toMatchObject({ kind: 'invalid-input', message })
    expect(await readFile(file, 'utf8')).toBe(before)
    await expect(store.amend('nope', () => ({}))).rejects.toMatchObject({ kind: 'not-found' })
  })

  it('a disk failure mid-amend: rejected, the previous version intact', async () => {
    const data = await tempDir()
    const f = faultyFs(nodeFs)
    const store = openDraftStore(data, { fs: f.fs })
    const v1 = await store.save(message)
    f.fail('fsync', 'ENOSPC')
    await expect(store.amend('m1', () => ({ enclosures: [enclosure('a')] }))).rejects.toMatchObject({
      kind: 'storage',
      code: 'ENOSPC',
    })
    expect(await store.get('m1')).toEqual(v1)
    expect(await store.amend('m1', () => ({ enclosures: [enclosure('a')] }))).toMatchObject({
      revision: 2,
      enclosures: [enclosure('a')],
    })
  })
})
