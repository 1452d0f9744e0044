import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileStore, StoreRefusal } from './file-store'
import { resolveLimits } from './limits'

describe('FileStore', () => {
  let dir: string
  const limits = resolveLimits({ maxFileSize: 10, maxBytesPerUser: 15 })
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-store-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('reconciles its index with the disk at start: files written or lost behind its back, crash leftovers', async () => {
    const store = await FileStore.open(dir)
    await store.put('users', '0000001', 'kept.html', Buffer.from('kept'), limits)
    await store.put('users', '0000001', 'lost.html', Buffer.from('lost'), limits)
    await rm(join(dir, 'users', '0000001', 'lost.html'))
    await mkdir(join(dir, 'webhost', '0000001', 'sub'), { recursive: true })
    await writeFile(join(dir, 'webhost', '0000001', 'sub', 'copied.txt'), 'copied in')
    await writeFile(join(dir, 'users', '0000001', 'kept.html.123.0123456789ab.tmp'), 'half')
    const again = await FileStore.open(dir)
    expect(again.list('users', '0000001').map((f) => f.relativePath)).toEqual(['kept.html'])
    expect(again.list('webhost', '0000001')).toMatchObject([{ relativePath: 'sub/copied.txt', size: 9 }])
    expect(await readdir(join(dir, 'users', '0000001'))).toEqual(['kept.html'])
    expect(again.bytesInUse('0000001')).toBe(4 + 9)
    expect(JSON.parse(await readFile(join(dir, 'files.json'), 'utf8'))).toHaveProperty([
      'webhost/0000001/sub/copied.txt',
    ])
  })

  it('resolves only indexed files, by their URL paths', async () => {
    const store = await FileStore.open(dir)
    await store.put('webhost', '0000002', 'a b/c.html', Buffer.from('x'), limits, 'text/html')
    expect(store.urlPath('webhost', '0000002', 'a b/c.html')).toBe('/webhost/0000002/a%20b/c.html')
    expect(store.resolve('/webhost/0000002/a%20b/c.html')?.entry.mimeType).toBe('text/html')
    expect(store.resolve('/webhost/0000002/a%20b/')).toBeUndefined()
    expect(store.resolve('/webhost/0000002/%E0%A4%A')).toBeUndefined()
    expect(store.resolve('/users/0000002/a%20b/c.html')).toBeUndefined()
    expect(store.resolve('/files.json')).toBeUndefined()
  })

  it('refuses a file in place of a folder (and the reverse) as a path problem', async () => {
    const store = await FileStore.open(dir)
    await store.put('users', '0000003', 'a', Buffer.from('x'), limits)
    await expect(store.put('users', '0000003', 'a/b.html', Buffer.from('y'), limits)).rejects.toMatchObject({
      kind: 'path',
    })
    await store.put('users', '0000003', 'c/d.html', Buffer.from('y'), limits)
    await expect(store.put('users', '0000003', 'c', Buffer.from('z'), limits)).rejects.toBeInstanceOf(StoreRefusal)
    expect(store.bytesInUse('0000003')).toBe(2)
  })

  it('removes empty folders after the last file in them goes', async () => {
    const store = await FileStore.open(dir)
    await store.put('users', '0000004', 'x/y/z.html', Buffer.from('1'), limits)
    await store.put('users', '0000004', 'x/keep.html', Buffer.from('2'), limits)
    expect(await store.remove('users', '0000004', 'x/y/z.html')).toBe(true)
    expect(await store.remove('users', '0000004', 'x/y/z.html')).toBe(false)
    expect(await readdir(join(dir, 'users', '0000004', 'x'))).toEqual(['keep.html'])
  })

  it('serialises one member’s uploads, so parallel ones cannot overrun the quota together', async () => {
    const store = await FileStore.open(dir)
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) => store.put('users', '0000005', `f${i}.txt`, Buffer.alloc(6), limits)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
    expect(store.bytesInUse('0000005')).toBe(12)
  })

  it('stores one call’s files with one index save, checking the quota in order and writing a repeated path last-wins', async () => {
    const store = await FileStore.open(dir)
    const changed: string[][] = []
    store.onChange = (paths) => void changed.push(paths)
    const file = (rel: string, text: string) => ({ rel, bytes: Buffer.from(text) })
    const results = await store.putMany(
      'users',
      '0000006',
      [
        file('a.txt', '12345'),
        file('a.txt', '123'),
        file('big.txt', '12345678901'),
        file('b.txt', '1234567890'),
        file('c.txt', '1234'),
      ],
      limits,
    )
    expect(results.map((r) => r?.kind ?? null)).toEqual([null, null, 'limit', null, 'limit'])
    // a.txt counts once, at its last size: 3 + 10 = 13, so c.txt (4) would pass 15.
    expect(store.bytesInUse('0000006')).toBe(13)
    expect(await readFile(join(dir, 'users', '0000006', 'a.txt'), 'utf8')).toBe('123')
    expect(changed).toHaveLength(1)
    const index = JSON.parse(await readFile(join(dir, 'files.json'), 'utf8')) as Record<string, { size: number }>
    expect(index['users/0000006/a.txt'].size).toBe(3)
  })
  it('replaces files across folders in one call, leaving no temp or previous-version file behind', async () => {
    const store = await FileStore.open(dir)
    const roomy = resolveLimits({ maxFileSize: 100, maxBytesPerUser: 1000 })
    const put = (text: string) =>
      store.putMany(
        'users',
        '0000007',
        ['a/1.txt', 'a/2.txt', 'b/c/3.txt'].map((rel) => ({ rel, bytes: Buffer.from(rel + text) })),
        roomy,
      )
    expect(await put(' old')).toEqual([null, null, null])
    expect(await put(' new')).toEqual([null, null, null])
    const root = join(dir, 'users', '0000007')
    expect(await readFile(join(root, 'b', 'c', '3.txt'), 'utf8')).toBe('b/c/3.txt new')
    expect((await readdir(join(root, 'a'))).sort()).toEqual(['1.txt', '2.txt'])
    expect(await readdir(join(root, 'b', 'c'))).toEqual(['3.txt'])
  })
})
