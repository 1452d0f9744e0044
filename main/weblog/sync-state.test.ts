import { appendFile, readFile, stat } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../store/testing/test-dir'
import { siteLocations } from './site-locations'
import { SyncState } from './sync-state'

describe('SyncState', () => {
  const tempDir = useTempDirs()
  const server = {
    endpoint: 'http://127.0.0.1:1/RPC2',
    usernum: 42,
    folderUrl: 'http://127.0.0.1:1/users/42/',
    profile: null,
  }
  const put = (path: string, hash: string) => ({
    op: 'put' as const,
    path,
    hash,
    size: 3,
    url: `http://x/${path}`,
    at: '2024-05-14T00:00:00.000Z',
  })

  it('keeps every confirmation across a crash before compaction, and ignores a torn last line', async () => {
    const loc = siteLocations(await tempDir(), 'acct')
    const state = await SyncState.open(loc)
    await state.reset(server)
    await state.record([put('a.html', '1'), put('b.html', '2')])
    await state.record([{ op: 'del', path: 'a.html' }, put('c.html', '3')])
    await appendFile(loc.journal, '{"op":"put","path":"torn.html","ha')
    const reopened = await SyncState.open(loc) // no compact(): as after a crash
    expect([...reopened.files.keys()].sort()).toEqual(['b.html', 'c.html'])
    expect(reopened.files.get('c.html')).toMatchObject({ hash: '3', url: 'http://x/c.html' })
    expect(reopened.belongsTo(server.endpoint, '42')).toBe(true) // a usernum's type may differ in storage
    expect(reopened.belongsTo(server.endpoint, 43)).toBe(false)
    expect(reopened.belongsTo('http://elsewhere/RPC2', 42)).toBe(false)
  })

  it('folds the journal into the state file and removes it', async () => {
    const loc = siteLocations(await tempDir(), 'acct')
    const state = await SyncState.open(loc)
    await state.reset(server)
    await state.record([put('a.html', '1')])
    state.lastSyncAt = '2024-05-14T10:00:00.000Z'
    await state.compact()
    await expect(stat(loc.journal)).rejects.toMatchObject({ code: 'ENOENT' })
    const saved = JSON.parse(await readFile(loc.state, 'utf8'))
    expect(saved).toMatchObject({
      version: 1,
      server: { usernum: 42 },
      lastSyncAt: '2024-05-14T10:00:00.000Z',
      files: { 'a.html': { hash: '1' } },
    })
  })

  it('refuses a damaged state file instead of starting over (which would re-upload the whole site)', async () => {
    const loc = siteLocations(await tempDir(), 'acct')
    await (await SyncState.open(loc)).reset(server)
    await appendFile(loc.state, 'garbage')
    await expect(SyncState.open(loc)).rejects.toThrow(/cannot be read/)
  })
})
