import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Conf from 'conf'
import { describe, expect, it } from 'vitest'
import { faultyFs } from './testing/fs-faults'
import { nodeFs } from './fs-layer'
import { openSettings } from './settings'
import { defaultSettings } from './settings-types'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const account = {
  id: 'a1',
  kind: 'webhost' as const,
  name: 'Home',
  url: 'http://127.0.0.1:5337/RPC2',
  username: 'me@example.com',
}
const at = new Date('2025-03-04T05:06:07.089Z')

describe('openSettings', () => {
  it('starts from defaults and writes conf/electron-store format durably', async () => {
    const data = await tempDir()
    const f = faultyFs(nodeFs)
    const store = openSettings(data, { fs: f.fs })
    expect(store.get()).toEqual(defaultSettings())
    const next = await store.update((s) => {
      s.accounts.push(account)
    })
    expect(next.accounts).toEqual([account])
    const text = await readFile(join(data, 'settings.json'), 'utf8')
    expect(text).toBe(JSON.stringify(next, undefined, '\t'))
    expect(f.calls.filter((c) => ['fsync', 'rename', 'fsyncDir'].includes(c.op)).map((c) => c.op)).toEqual([
      'fsync',
      'rename',
      'fsyncDir',
    ])
    expect(openSettings(data).get()).toEqual(next)
  })

  it('is the same file conf (and so electron-store) reads and writes', async () => {
    const data = join(await tempDir(), 'not', 'yet', 'Upstream')
    const store = openSettings(data)
    const mine = await store.update((s) => void s.accounts.push(account))
    const conf = new Conf<Record<string, unknown>>({ cwd: data, configName: 'settings' })
    expect(conf.store).toEqual(mine)
    conf.set('preferences.theme', 'light')
    expect(openSettings(data).get()).toEqual({ ...mine, preferences: { theme: 'light' } })
  })

  it('get hands out copies: changing one does not change the store', async () => {
    const store = openSettings(await tempDir())
    store.get().accounts.push(account)
    expect(store.get().accounts).toEqual([])
  })

  it('completes an older file with defaults and keeps keys it does not know', async () => {
    const data = await tempDir()
    await writeFile(
      join(data, 'settings.json'),
      JSON.stringify({ accounts: [account], __internal__: { migrations: { version: '0.1.0' } } }),
    )
    expect(openSettings(data).get()).toEqual({
      accounts: [account],
      preferences: { theme: 'system' },
      __internal__: { migrations: { version: '0.1.0' } },
    })
  })

  for (const [what, content] of [
    ['cut-short JSON', '{"accounts": [{"id": "a1", "kind": "webh'],
    ['the wrong shape', JSON.stringify({ accounts: 'none' })],
    ['a bad account', JSON.stringify({ accounts: [{ id: 1 }] })],
    ['a bad theme', JSON.stringify({ accounts: [], preferences: { theme: 'neon' } })],
  ]) {
    it(`a file with ${what} is renamed aside, reported, never wiped, and defaults are used`, async () => {
      const data = await tempDir()
      await writeFile(join(data, 'settings.json'), content)
      const problems: { keptAs?: string; reason: string }[] = []
      const store = openSettings(data, { now: () => at, onProblem: (p) => problems.push(p) })
      expect(store.get()).toEqual(defaultSettings())
      const aside = join(data, 'settings.corrupt-2025-03-04T05-06-07-089Z.json')
      expect(problems).toEqual([{ file: join(data, 'settings.json'), reason: expect.any(String), keptAs: aside }])
      expect(await readFile(aside, 'utf8')).toBe(content)
      await store.update((s) => void (s.preferences.theme = 'dark'))
      expect(await readFile(aside, 'utf8')).toBe(content)
      expect((await readdir(data)).sort()).toEqual(['settings.corrupt-2025-03-04T05-06-07-089Z.json', 'settings.json'])
    })
  }

  it('a failed write keeps the previous settings, on disk and in memory', async () => {
    const data = await tempDir()
    const f = faultyFs(nodeFs)
    const store = openSettings(data, { fs: f.fs })
    await store.update((s) => void s.accounts.push(account))
    f.fail('fsync', 'ENOSPC')
    await expect(store.update((s) => void (s.accounts = []))).rejects.toMatchObject({
      code: 'ENOSPC',
      message:
        'Settings not saved: the disk is full (ENOSPC). Free some space; the previous settings are still in use.',
    })
    expect(store.get().accounts).toEqual([account])
    expect(openSettings(data).get().accounts).toEqual([account])
  })

  it('refuses an update that would write something that is not settings', async () => {
    const store = openSettings(await tempDir())
    await expect(store.update((s) => void ((s as { accounts: unknown }).accounts = null))).rejects.toMatchObject({
      kind: 'invalid-input',
    })
    expect(store.get()).toEqual(defaultSettings())
  })

  it('runs updates one after another, none lost', async () => {
    const store = openSettings(await tempDir())
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.update((s) => void s.accounts.push({ ...account, id: `a${i}` }))),
    )
    expect(store.get().accounts.map((a) => a.id)).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`))
  })

  it('two stores on one folder (two processes) merge: a stale copy never overwrites the other’s account', async () => {
    const dir = await tempDir()
    const app = openSettings(dir)
    const cli = openSettings(dir)
    await cli.update((s) => void s.accounts.push({ ...account, id: 'from-cli' }))
    // The app's copy predates that write; its own change lands on top of it, not instead of it.
    await app.update((s) => void (s.preferences.theme = 'dark'))
    expect(app.get().accounts.map((a) => a.id)).toEqual(['from-cli'])
    expect(cli.get().preferences.theme).toBe('dark')
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).accounts).toHaveLength(1)
    expect(((await import('node:fs')).statSync(join(dir, 'settings.json')).mode & 0o777).toString(8)).toBe('600')
  })
})
