import { describe, expect, it } from 'vitest'
import type { LocalFile } from './site-scan'
import { planSync } from './sync-plan'
import type { SyncedFile } from './sync-state'

const local = (path: string, hash?: string, size = 1): LocalFile => ({
  path,
  size,
  ...(hash ? { hash } : {}),
  read: async () => ({ bytes: Buffer.alloc(size), hash: hash ?? 'h' }),
})
const synced = (hash: string, size = 1): SyncedFile => ({
  hash,
  size,
  url: `http://x/${hash}`,
  at: '2024-01-01T00:00:00Z',
})

describe('planSync', () => {
  it('uploads new and changed files, deletes what left the folder, and sends the home page and feed last', () => {
    const known = new Map([
      ['same.html', synced('s')],
      ['index.html', synced('old')],
      ['gone.html', synced('g', 7)],
      ['changed.css', synced('c1')],
    ])
    const plan = planSync(
      [
        local('rss.xml'),
        local('index.html', 'new'),
        local('same.html', 's'),
        local('changed.css', 'c2'),
        local('a/new.html'),
      ],
      known,
    )
    expect(plan.uploads.map((u) => [u.path, u.reason])).toEqual([
      ['a/new.html', 'new'],
      ['changed.css', 'changed'],
      ['index.html', 'changed'],
      ['rss.xml', 'new'],
    ])
    expect(plan.deletes).toEqual([{ path: 'gone.html', url: 'http://x/g', size: 7 }])
    expect(plan.unchanged).toBe(1)
  })

  it('refuses to compare a file the server has but whose hash is unknown', () => {
    expect(() => planSync([local('same.html')], new Map([['same.html', synced('s')]]))).toThrow(
      /hashed before planning/,
    )
  })
})
