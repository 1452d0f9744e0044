import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { faultyFs } from './testing/fs-faults'
import { nodeFs } from './fs-layer'
import { passwordKey } from './secrets'
import { fileSecrets } from './secrets-file'
import { memorySecrets } from './secrets-memory'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()

describe('fileSecrets', () => {
  it('says plainly that it is unencrypted and where', async () => {
    const data = await tempDir()
    const s = fileSecrets(data)
    expect(s.encrypted).toBe(false)
    expect(s.description).toBe(`Stored unencrypted in ${join(data, 'secrets.json')}`)
  })

  it('stores, reads and deletes, in a file only its owner can read (0600)', async () => {
    const data = await tempDir()
    const s = fileSecrets(data)
    expect(await s.get(passwordKey('a1'))).toBeUndefined()
    await s.set(passwordKey('a1'), 'hunter2')
    await s.set(passwordKey('a2'), 'correct horse')
    expect((await stat(join(data, 'secrets.json'))).mode & 0o777).toBe(0o600)
    expect(await fileSecrets(data).get(passwordKey('a1'))).toBe('hunter2')
    await s.delete(passwordKey('a1'))
    expect(await s.get(passwordKey('a1'))).toBeUndefined()
    expect(await s.get(passwordKey('a2'))).toBe('correct horse')
    expect((await stat(join(data, 'secrets.json'))).mode & 0o777).toBe(0o600)
  })

  it('makes a file that was too open 0600 on the next write', async () => {
    const data = await tempDir()
    await writeFile(join(data, 'secrets.json'), JSON.stringify({ version: 1, entries: {} }), { mode: 0o644 })
    await fileSecrets(data).set('k', 'v')
    expect((await stat(join(data, 'secrets.json'))).mode & 0o777).toBe(0o600)
  })

  it("keeps the desktop app's encrypted entries it cannot read", async () => {
    const data = await tempDir()
    const file = join(data, 'secrets.json')
    await writeFile(
      file,
      JSON.stringify({ version: 1, entries: { enc: { encoding: 'safeStorage', value: 'djEwAAAA' } } }),
    )
    const s = fileSecrets(data)
    expect(await s.get('enc')).toBeUndefined()
    await s.set('plain', 'p')
    expect(JSON.parse(await readFile(file, 'utf8')).entries).toEqual({
      enc: { encoding: 'safeStorage', value: 'djEwAAAA' },
      plain: { encoding: 'plain', value: 'p' },
    })
  })

  it('puts a damaged file aside instead of overwriting it', async () => {
    const data = await tempDir()
    await writeFile(join(data, 'secrets.json'), '{"version":1,"entr')
    const s = fileSecrets(data, { now: () => new Date('2025-01-01T00:00:00Z') })
    expect(await s.get('k')).toBeUndefined()
    await s.set('k', 'v')
    expect(await readFile(join(data, 'secrets.corrupt-2025-01-01T00-00-00-000Z.json'), 'utf8')).toBe(
      '{"version":1,"entr',
    )
  })

  it('a write that fails leaves the stored passwords as they were', async () => {
    const data = await tempDir()
    const f = faultyFs(nodeFs)
    const s = fileSecrets(data, { fs: f.fs })
    await s.set('k', 'old')
    f.fail('rename', 'EROFS')
    await expect(s.set('k', 'new')).rejects.toMatchObject({
      code: 'EROFS',
      message: expect.stringMatching(/^Password not saved: /),
    })
    expect(await s.get('k')).toBe('old')
    expect(await readdir(data)).toEqual(['secrets.json'])
  })
})

describe('memorySecrets', () => {
  it('keeps values in memory only', async () => {
    const s = memorySecrets({ a: '1' })
    expect(await s.get('a')).toBe('1')
    await s.set('b', '2')
    await s.delete('a')
    expect([...s.values]).toEqual([['b', '2']])
  })
})
