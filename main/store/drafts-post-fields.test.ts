import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DraftInput, ServerPost } from '../../shared/model'
import { openDraftStore } from './drafts'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const post: DraftInput = { id: 'p1', kind: 'post', format: 'markdown', title: 'Trip', body: 'Words', accountId: 'blog' }
const serverPost: ServerPost = {
  id: '7',
  wireId: '7',
  title: 'Trip',
  description: 'Words',
  categories: ['Travel'],
  keywords: ['rail'],
  excerpt: '',
  slug: 'trip',
  status: 'publish',
  dateCreated: '2031-03-14T08:26:00.000Z',
  dateSource: 'gmt',
  dateModified: null,
  link: 'http://b/trip',
}

describe('DraftStore: weblog post fields', () => {
  it('saves categories, tags, excerpt, slug, a zoned date and publish-or-draft durably; later saves keep them', async () => {
    const data = await tempDir()
    const store = openDraftStore(data)
    const fields = {
      categories: [' Travel ', 'Notes', 'Travel', ''],
      tags: ['rail', 'night train'],
      excerpt: 'Short.',
      slug: 'trip',
      postDate: { wall: '2031-03-14T09:26', zone: 'Europe/Paris' },
      postStatus: 'draft' as const,
    }
    const saved = await store.save({ ...post, ...fields })
    expect(saved).toMatchObject({
      categories: ['Travel', 'Notes'],
      tags: ['rail', 'night train'],
      excerpt: 'Short.',
      slug: 'trip',
      postDate: { wall: '2031-03-14T09:26', zone: 'Europe/Paris' },
      postStatus: 'draft',
    })
    expect(JSON.parse(await readFile(join(data, 'drafts', 'p1.json'), 'utf8'))).toEqual(saved)
    // The editor's body-only save must not wipe them; null takes the date away.
    expect(await store.save({ ...post, body: 'More' })).toMatchObject({
      body: 'More',
      categories: ['Travel', 'Notes'],
      postStatus: 'draft',
      postDate: { zone: 'Europe/Paris' },
    })
    const undated = await store.save({ ...post, postDate: null, tags: [] })
    expect(undated).not.toHaveProperty('postDate')
    expect(undated.tags).toEqual([])
  })

  it('refuses, before writing, a tag with a comma, a date without a real zone, a date that does not exist, an unknown status', async () => {
    const store = openDraftStore(await tempDir())
    await expect(store.save({ ...post, tags: ['a,b'] })).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/comma/),
    })
    await expect(store.save({ ...post, postDate: { wall: '2031-03-14T09:26', zone: '' } })).rejects.toMatchObject({
      message: expect.stringMatching(/time zone/),
    })
    await expect(
      store.save({ ...post, postDate: { wall: '2031-03-14T09:26', zone: 'Mars/Olympus' } }),
    ).rejects.toMatchObject({ kind: 'invalid-input' })
    await expect(store.save({ ...post, postDate: { wall: '2031-02-30T09:26', zone: 'UTC' } })).rejects.toMatchObject({
      message: expect.stringMatching(/does not exist/),
    })
    // private and pending are WordPress's own (sent only where wp.* is offered); trash is not a status to ask for.
    await expect(store.save({ ...post, postStatus: 'trash' as never })).rejects.toMatchObject({
      kind: 'invalid-input',
    })
    await expect(store.save({ ...post, sticky: 'yes' as never })).rejects.toMatchObject({ kind: 'invalid-input' })
    const other = openDraftStore(await tempDir())
    const kept = await other.save({ ...post, postStatus: 'private', sticky: false, postPassword: 'pw' })
    expect(kept).toMatchObject({ postStatus: 'private', sticky: false, postPassword: 'pw' })
    await expect(store.save({ ...post, categories: 'Travel' as never })).rejects.toMatchObject({
      kind: 'invalid-input',
    })
    expect(await store.list()).toEqual([])
  })

  it('keeps a post base and conflict; amend sets post fields (taking theirs) and refuses a malformed server copy', async () => {
    const store = openDraftStore(await tempDir())
    await store.save(post, {
      base: { title: 'Trip', body: 'Words', fetchedAt: '2030-01-01T00:00:00.000Z', post: serverPost },
    })
    const theirs = { ...serverPost, title: 'Trip!', categories: ['Rail'] }
    const conflicted = await store.amend('p1', () => ({
      conflict: {
        detectedAt: '2030-01-02T00:00:00.000Z',
        theirs: { title: 'Trip!', body: 'Words', post: theirs },
        changed: ['title', 'categories'],
      },
    }))
    expect(conflicted.conflict).toMatchObject({
      changed: ['title', 'categories'],
      theirs: { post: { categories: ['Rail'] } },
    })
    const took = await store.amend('p1', () => ({
      conflict: null,
      postFields: { categories: ['Rail'], tags: ['rail'] },
    }))
    expect(took).toMatchObject({ categories: ['Rail'], tags: ['rail'], base: { post: { id: '7' } } })
    await expect(
      store.amend('p1', () => ({
        base: { title: 't', body: 'b', fetchedAt: 'x', post: { ...serverPost, wireId: 1.5 } },
      })),
    ).rejects.toMatchObject({ kind: 'invalid-input' })
    await expect(store.amend('p1', () => ({ postFields: { tags: ['x,y'] } }))).rejects.toMatchObject({
      kind: 'invalid-input',
    })
    expect((await store.get('p1'))?.revision).toBe(3)
  })
})
