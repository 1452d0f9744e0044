import { describe, expect, it } from 'vitest'
import type { Account, DraftSummary } from '../../../../shared/model'
import { utf8Length } from './body-limit'
import { groupByAccount } from './draft-groups'
import { fromDraft, newEditorDraft, replyParent, replyTarget, toInput } from './editor-draft'

const account = (id: string, name: string): Account => ({
  id,
  name,
  kind: 'webhost',
  url: 'http://x/RPC2',
  username: 'u',
})
const summary = (id: string, accountId: string | null, publishedUrl?: string): DraftSummary => ({
  id,
  kind: 'page',
  title: id,
  accountId,
  updatedAt: 't',
  ...(publishedUrl ? { publishedUrl } : {}),
})

describe('draft groups', () => {
  it('groups by account in the accounts’ order, unknown accounts last, and filters by state', () => {
    const accounts = [account('a', 'Alpha'), account('b', 'Beta')]
    const list = [summary('1', 'b'), summary('2', null), summary('3', 'a', 'http://x/3'), summary('4', 'gone')]
    expect(groupByAccount(list, accounts, 'all').map((g) => [g.label, g.items.map((s) => s.id)])).toEqual([
      ['Alpha', ['3']],
      ['Beta', ['1']],
      ['No account', ['2', '4']],
    ])
    expect(groupByAccount(list, accounts, 'published').map((g) => g.key)).toEqual(['a'])
    expect(groupByAccount(list, accounts, 'unpublished').flatMap((g) => g.items.map((s) => s.id))).toEqual([
      '1',
      '2',
      '4',
    ])
  })
})

describe('editor draft', () => {
  it('keeps a msgnum exactly as typed or received, 0 for a new thread', () => {
    expect(replyTarget('')).toBe(0)
    expect(replyTarget(' 000042 ')).toBe('000042')
    // An <int> set by Reply stays an int while the text still reads as it; an edit is text again.
    expect(replyTarget('17', 17)).toBe(17)
    expect(replyTarget('170', 17)).toBe('170')
    expect(replyTarget('', 17)).toBe(0)
    const m = { ...newEditorDraft('g', 'message'), inResponseTo: 17 }
    expect(toInput(m)).toMatchObject({ kind: 'message', inResponseTo: 17 })
    expect(toInput(m)).not.toHaveProperty('relativePath')
  })
  it('offers Reply to a message opened from the server or posted there, with its msgnum as given', () => {
    const m = { ...newEditorDraft('g', 'message'), accountId: 'g' }
    expect(replyParent(m)).toBeUndefined()
    const opened = { ...m, base: { msgnum: 3, title: 't', body: 'b', fetchedAt: '2026-01-01T00:00:00Z' } }
    expect(replyParent(opened)).toBe(3)
    const posted = { ...m, published: [{ at: '2026-01-01T00:00:00Z', jobId: 'j', accountId: 'g', msgnum: '000002' }] }
    expect(replyParent(posted)).toBe('000002')
    expect(replyParent({ ...posted, kind: 'page' as const })).toBeUndefined()
  })
  it('sends a post’s fields, and null for a date taken away', () => {
    const p = { ...newEditorDraft('c', 'post'), post: { categories: ['Boats'], postStatus: 'draft' as const } }
    expect(toInput(p)).toMatchObject({ categories: ['Boats'], postStatus: 'draft', postDate: null })
    const back = fromDraft({
      ...toInput(p),
      id: 'd',
      accountId: 'c',
      createdAt: '',
      updatedAt: '',
      revision: 1,
      published: [],
      categories: ['Boats'],
      postDate: { wall: '2025-05-01T09:00', zone: 'UTC' },
    })
    expect(back.post).toEqual({
      categories: ['Boats'],
      postStatus: 'draft',
      postDate: { wall: '2025-05-01T09:00', zone: 'UTC' },
    })
  })
})

describe('body size', () => {
  it('counts UTF-8 bytes as the server will', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀é€']) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length)
  })
})
