import { describe, expect, it } from 'vitest'
import type { Post } from './post'
import { postPaths } from './site-layout'
import { postFromDraft } from './post-from-draft'

const post = (id: string, date: string, title: string, path?: string): Post => ({
  id,
  title,
  body: '',
  format: 'text',
  date,
  categories: [],
  updatedAt: date,
  ...(path ? { path } : {}),
})

describe('permalinks', () => {
  it('are stable: the older post keeps its path when a namesake arrives, and chosen paths win', () => {
    const a = post('a', '2024-05-14T10:00:00Z', 'Café Ünïcode!')
    const b = post('b', '2024-05-14T12:00:00Z', 'Café Ünïcode!')
    expect(Object.fromEntries(postPaths([b, a], 'UTC'))).toEqual({
      a: '2024/05/14/cafe-unicode.html',
      b: '2024/05/14/cafe-unicode-2.html',
    })
    const chosen = post('c', '2024-01-01T00:00:00Z', '', '2024/05/14/cafe-unicode.html')
    expect(Object.fromEntries(postPaths([a, chosen], 'UTC'))).toEqual({
      c: '2024/05/14/cafe-unicode.html',
      a: '2024/05/14/cafe-unicode-2.html',
    })
    expect(postPaths([post('Z_9', '2024-05-14T23:30:00Z', '???')], '+02:00').get('Z_9')).toBe('2024/05/15/z_9.html')
  })

  it('come from a post draft, which keeps its first date (and so its permalink) when published again', () => {
    const draft = {
      id: 'd1',
      kind: 'post' as const,
      accountId: 'x',
      title: 'T',
      body: 'B',
      format: 'markdown' as const,
      createdAt: '',
      updatedAt: '',
      revision: 3,
      published: [],
    }
    const first = postFromDraft(
      draft,
      undefined,
      { categories: [' news ', 'news', ''] },
      new Date('2024-05-14T07:00:00Z'),
    )
    expect(first).toMatchObject({
      id: 'd1',
      date: '2024-05-14T07:00:00.000Z',
      categories: ['news'],
      format: 'markdown',
      draftId: 'd1',
    })
    const again = postFromDraft({ ...draft, title: 'T2' }, first, {}, new Date('2024-06-01T00:00:00Z'))
    expect(again).toMatchObject({
      title: 'T2',
      date: first.date,
      categories: ['news'],
      updatedAt: '2024-06-01T00:00:00.000Z',
    })
    expect(() => postFromDraft({ ...draft, kind: 'page' }, undefined)).toThrow(/not a weblog post/)
  })
})
