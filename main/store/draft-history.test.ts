import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { DraftInput } from '../../shared/model'
import { openDraftStore } from './drafts'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const DAY = 86_400_000
const post = (body: string, over: Partial<DraftInput> = {}): DraftInput => ({
  kind: 'post',
  format: 'markdown',
  title: 'Hello',
  body,
  ...over,
})
/** A clock the test moves by hand. */
const clock = (start = Date.parse('2025-01-01T10:00:00Z')) => {
  const c = { t: start, now: () => new Date(c.t) }
  return c
}

describe('draft history: every saved version kept', () => {
  it('each save that changes the text keeps the one it replaced, gzip, once per distinct text', async () => {
    const data = await tempDir()
    const c = clock()
    const store = openDraftStore(data, { now: c.now })
    const d = await store.create(post('one'))
    for (const body of ['two', 'two', 'one', 'three']) {
      c.t += 1000
      await store.save({ ...post(body), id: d.id })
    }
    const versions = await store.versions(d.id)
    // one (rev 1), two (rev 2; rev 3 the same text, not a new version), one again (rev 4: same text as rev 1)
    expect(versions.map((v) => v.revision)).toEqual([3, 1])
    expect((await store.version(d.id, versions[0].key))?.body).toBe('two')
    const files = await readdir(join(data, 'history', d.id))
    expect(files).toHaveLength(2)
    const raw = gunzipSync(await readFile(join(data, 'history', d.id, files[0]))).toString()
    expect(JSON.parse(raw)).toHaveProperty('body')
    expect(await store.version(d.id, '../../etc')).toBeUndefined()
  })

  it('marks the text that was published; restoring an old version is a new version, the current text kept', async () => {
    const data = await tempDir()
    const c = clock()
    const store = openDraftStore(data, { now: c.now })
    const d = await store.create(post('as published'))
    c.t += 1000
    await store.recordPublish(d.id, { at: c.now().toISOString(), jobId: 'j', accountId: 'a' })
    c.t += 1000
    await store.save({ ...post('edited after'), id: d.id })
    const [published] = await store.versions(d.id)
    expect(published).toMatchObject({ published: true, title: 'Hello', chars: 'as published'.length })
    c.t += 1000
    const old = (await store.version(d.id, published.key))!
    const restored = await store.save({ ...post(old.body), id: d.id })
    expect(restored.body).toBe('as published')
    expect((await store.versions(d.id)).map((v) => [v.revision, v.published])).toEqual([
      [3, false],
      [2, true],
    ])
  })

  it('prunes past the window to the newest of each day, keeping published ones and everything recent', async () => {
    const data = await tempDir()
    const c = clock()
    const store = openDraftStore(data, { now: c.now, historyPolicy: () => ({ keepAllDays: 30 }) })
    const d = await store.create(post('day1-a'))
    for (const body of ['day1-b', 'day1-c']) {
      c.t += 3_600_000
      await store.save({ ...post(body), id: d.id })
    }
    c.t += DAY
    await store.save({ ...post('day2-a'), id: d.id })
    c.t += 40 * DAY // day1-a, day1-b and day1-c are out of the window now
    await store.save({ ...post('today'), id: d.id })
    const left = await Promise.all((await store.versions(d.id)).map((v) => store.version(d.id, v.key)))
    expect(left.map((v) => v?.body)).toEqual(['day2-a', 'day1-c'])
  })
})
