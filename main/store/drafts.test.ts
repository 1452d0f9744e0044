import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DraftInput } from '../../shared/model'
import { openDraftStore } from './drafts'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const post = (over: Partial<DraftInput> = {}): DraftInput => ({
  kind: 'post',
  format: 'markdown',
  title: 'Hello',
  body: 'First words.',
  ...over,
})

// A clock that moves one second per reading, so order by updatedAt is deterministic.
const ticking = (start = Date.parse('2025-01-01T00:00:00Z')) => {
  let t = start
  return () => new Date((t += 1000))
}

describe('DraftStore: save and get', () => {
  it('assigns a filename-safe id and createdAt on first save, bumps revision after', async () => {
    const data = await tempDir()
    const store = openDraftStore(data, { now: ticking() })
    const first = await store.create(post())
    expect(first.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(first).toMatchObject({ revision: 1, accountId: null, published: [], title: 'Hello' })
    expect(first.createdAt).toBe(first.updatedAt)
    const second = await store.save({ ...post({ body: 'Second words.' }), id: first.id })
    expect(second).toMatchObject({ id: first.id, revision: 2, createdAt: first.createdAt, body: 'Second words.' })
    expect(second.updatedAt > first.updatedAt).toBe(true)
    expect(await store.get(first.id)).toEqual(second)
    expect(JSON.parse(await readFile(join(data, 'drafts', `${first.id}.json`), 'utf8'))).toEqual(second)
    const other = await store.create(post())
    expect(other.id).not.toBe(first.id)
  })

  it('keeps account, path and fields it does not know when a save leaves them out', async () => {
    const data = await tempDir()
    const store = openDraftStore(data)
    const d = await store.save(
      post({ id: 'page-1', kind: 'page', format: 'html', accountId: 'acc', relativePath: 'a/b.html' }),
    )
    const raw = JSON.parse(await readFile(join(data, 'drafts', 'page-1.json'), 'utf8'))
    // A later version's field (the server copy kept as base) must survive this version's save.
    await writeFile(join(data, 'drafts', 'page-1.json'), JSON.stringify({ ...raw, base: { body: 'server copy' } }))
    const next = await store.save({ id: d.id, kind: 'page', format: 'html', title: 't', body: 'b' })
    expect(next).toMatchObject({
      accountId: 'acc',
      relativePath: 'a/b.html',
      base: { body: 'server copy' },
      revision: 2,
    })
  })

  it('ignores revision, dates and publish history sent by the caller', async () => {
    const store = openDraftStore(await tempDir())
    const input = {
      ...post(),
      id: 'x',
      revision: 99,
      createdAt: '1999',
      published: [{ at: 'now', jobId: 'j', accountId: 'a' }],
    }
    const saved = await store.save(input as DraftInput)
    expect(saved.revision).toBe(1)
    expect(saved.createdAt).not.toBe('1999')
    expect(saved.published).toEqual([])
  })

  it('rejects bad input with a clear error and writes nothing', async () => {
    const data = await tempDir()
    const store = openDraftStore(data)
    const bad: [unknown, RegExp][] = [
      [null, /must be an object/],
      [{ ...post(), kind: 'tweet' }, /"kind" must be one of message, page, post/],
      [{ ...post(), format: 'rtf' }, /"format" must be one of html, markdown, text/],
      [{ ...post(), title: 3 }, /"title" must be a string/],
      [{ ...post(), body: undefined }, /"body" must be a string/],
      [{ ...post(), id: '../../etc/passwd' }, /"id" may only hold/],
      [{ ...post(), accountId: 7 }, /"accountId"/],
    ]
    for (const [input, message] of bad) {
      await expect(store.save(input as DraftInput)).rejects.toMatchObject({
        kind: 'invalid-input',
        code: 'EINVAL',
        message: expect.stringMatching(message),
      })
    }
    await expect(store.create({ ...post(), id: 'given' })).rejects.toMatchObject({ code: 'EINVAL' })
    await expect(readdir(join(data, 'drafts'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('get answers undefined for an unknown or impossible id', async () => {
    const store = openDraftStore(await tempDir())
    expect(await store.get('nope')).toBeUndefined()
    expect(await store.get('../settings')).toBeUndefined()
  })
})

describe('DraftStore: list and search', () => {
  it('lists newest first, filters by account and kind, searches title and body ignoring case', async () => {
    const store = openDraftStore(await tempDir(), { now: ticking() })
    await store.save(post({ id: 'a', title: 'Garden notes', body: 'Tomatoes and BEANS', accountId: 'home' }))
    await store.save(post({ id: 'b', kind: 'message', title: 'Re: beans', body: 'agreed', accountId: 'group' }))
    const c = await store.save(
      post({ id: 'c', kind: 'page', format: 'html', title: 'About', body: '<p>me</p>', accountId: 'home' }),
    )
    expect((await store.list()).map((s) => s.id)).toEqual(['c', 'b', 'a'])
    await store.save(post({ id: 'a', title: 'Garden notes', body: 'Tomatoes and BEANS' }))
    expect((await store.list()).map((s) => s.id)).toEqual(['a', 'c', 'b'])
    expect((await store.list({ text: 'beans' })).map((s) => s.id)).toEqual(['a', 'b'])
    expect((await store.list({ text: 'GARDEN tomatoes' })).map((s) => s.id)).toEqual(['a'])
    expect((await store.list({ text: 'garden agreed' })).map((s) => s.id)).toEqual([])
    expect((await store.list({ accountId: 'home' })).map((s) => s.id)).toEqual(['a', 'c'])
    expect((await store.list({ kind: 'message' })).map((s) => s.id)).toEqual(['b'])
    expect(await store.list({ accountId: 'home', kind: 'page', text: 'me' })).toEqual([
      { id: 'c', kind: 'page', title: 'About', accountId: 'home', updatedAt: c.updatedAt },
    ])
  })

  it('an empty or missing drafts folder lists nothing', async () => {
    expect(await openDraftStore(await tempDir()).list()).toEqual([])
  })
})

describe('DraftStore: publish records', () => {
  it('records what was published where without touching the text or updatedAt', async () => {
    const store = openDraftStore(await tempDir(), { now: ticking() })
    const d = await store.save(post({ id: 'p' }))
    const rec = {
      at: '2025-02-01T00:00:00Z',
      jobId: 'job-1',
      accountId: 'acc',
      url: 'http://x/p.html',
      msgnum: 12,
      members: { url: 'http://x/p.html' },
    }
    const after = await store.recordPublish('p', rec)
    expect(after).toMatchObject({ revision: 2, updatedAt: d.updatedAt, body: d.body, published: [rec] })
    expect((await store.list())[0].publishedUrl).toBe('http://x/p.html')
    await expect(store.recordPublish('missing', rec)).rejects.toMatchObject({ kind: 'not-found', code: 'ENOENT' })
    await expect(store.recordPublish('p', { at: 1 } as never)).rejects.toMatchObject({ code: 'EINVAL' })
  })
})
