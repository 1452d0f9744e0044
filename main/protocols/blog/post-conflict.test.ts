import { describe, expect, it } from 'vitest'
import { changedFields, modifiedSince, snapshotOf } from './post-conflict'
import type { PostSnapshot } from './read-post'

const base: PostSnapshot = {
  id: '7',
  wireId: '7',
  title: 'Title',
  description: '<p>Body</p>\n',
  categories: ['A', 'B'],
  keywords: ['x', 'y'],
  excerpt: 'Ex',
  slug: 'title',
  status: 'publish',
  dateCreated: '2030-01-01T10:00:00.000Z',
  dateSource: 'gmt',
  dateModified: '2030-01-02T10:00:00.000Z',
  link: 'http://b/title',
}

describe('changedFields', () => {
  it('reads titles as a reader does, and a scheduled post going live is no change', () => {
    expect(changedFields({ ...base, title: 'Fish & Chips <3' }, { ...base, title: 'Fish &amp; Chips &lt;3' })).toEqual(
      [],
    )
    expect(changedFields({ ...base, status: 'future' }, { ...base, status: 'publish' })).toEqual([])
    expect(changedFields({ ...base, status: 'publish' }, { ...base, status: 'draft' })).toEqual(['status'])
  })

  it('is empty for the same post however the server reorders or re-wraps it', () => {
    const same = {
      ...base,
      description: '<p>Body</p>\r\n',
      categories: ['B', 'A'],
      keywords: ['y', ' x'],
      dateCreated: '2030-01-01T10:00:00Z',
      link: 'http://b/?p=7',
    }
    expect(changedFields(base, same)).toEqual([])
  })

  it('names each field that changed', () => {
    const other = {
      ...base,
      title: 'New',
      description: '<p>Other</p>',
      categories: ['A'],
      keywords: ['x', 'y', 'z'],
      excerpt: 'E2',
      slug: 't2',
      status: 'draft',
      dateCreated: '2030-01-01T10:00:01.000Z',
    }
    expect(changedFields(base, other)).toEqual([
      'title',
      'description',
      'categories',
      'keywords',
      'excerpt',
      'slug',
      'status',
      'date',
    ])
  })

  it('ignores status when an engine has none, and sees a date appear or go', () => {
    expect(changedFields({ ...base, status: null }, { ...base, status: 'draft' })).toEqual([])
    expect(changedFields(base, { ...base, dateCreated: null })).toEqual(['date'])
  })

  it('modifiedSince compares the server’s own stamps when both have one', () => {
    expect(modifiedSince(base, { ...base, dateModified: '2030-01-03T00:00:00Z' })).toBe(true)
    expect(modifiedSince(base, { ...base })).toBe(false)
    expect(modifiedSince({ ...base, dateModified: null }, base)).toBe(false)
  })

  it('snapshotOf keeps plain JSON only (no raw members), copies lists', () => {
    const snap = snapshotOf({ ...base, members: Object.create(null) } as PostSnapshot)
    expect(Object.keys(snap)).not.toContain('members')
    expect(snap.categories).not.toBe(base.categories)
    expect(JSON.parse(JSON.stringify(snap))).toEqual(base)
  })
})
