import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account, JobAction } from '../../../../shared/model'
import { newJob } from '../../../queue/new-job'
import { md5Hex } from '../../../sandbox/members'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { openSite, type OpenSite } from '../../../weblog/testing/site-fixture'
import { siteSyncPerformer, type SiteSyncDeps } from './site-sync'

describe('the site-sync performer', () => {
  let s: OpenSite
  let account: Account
  const sent: string[][] = []
  const progress: number[] = []
  const deps = (): SiteSyncDeps => ({
    dataDir: s.dataDir,
    account: (id) => {
      if (id !== account.id) throw new Error(`no account ${id}`)
      return account
    },
    password: async () => s.password,
    client: async (a) => {
      const inner = createXmlRpcClient(a.url)
      return {
        url: inner.url,
        call: (m, p, o) => (m.endsWith('saveMultipleFiles') && sent.push(p[2] as string[]), inner.call(m, p, o)),
      }
    },
    draft: async () => undefined,
    recordPublish: async () => undefined,
    now: () => new Date(),
  })
  const job = () =>
    newJob({ action: 'site.sync' as JobAction, draftId: '', accountId: account.id, label: `Upstream ${account.name}` })
  const attempt = () => ({
    signal: new AbortController().signal,
    progress: (n: number) => void progress.push(n),
    dispatching: async () => undefined,
  })

  beforeAll(async () => {
    s = await openSite('sandbox', { maxFileSize: 10_000, quota: 100_000, legalExtensions: ['html', 'txt', 'xml'] })
    account = {
      id: s.account.id,
      kind: 'community',
      name: s.account.name,
      url: s.endpoint,
      username: 'writer@example.com',
      usernum: s.account.usernum,
    }
  })
  afterAll(() => s?.close())

  it('is done with a record per file, the home page as the result, and the ping’s reply', async () => {
    await s.put('index.html', '<p>home</p>')
    await s.put('a.txt', 'a')
    const o = await siteSyncPerformer(deps()).run(job(), attempt())
    expect(o.kind).toBe('done')
    if (o.kind !== 'done') return
    expect(o.result.url).toMatch(/\/users\/\d+\/index\.html$/)
    expect(o.result.members).toMatchObject({
      uploaded: 2,
      deleted: 0,
      pings: [{ ok: true, message: 'Thanks for the ping.' }],
    })
    expect(o.files?.map((f) => [f.path, f.status])).toEqual([
      ['a.txt', 'sent'],
      ['index.html', 'sent'],
    ])
    expect(progress.at(-1)).toBe(12)
  })

  it('asks for attention on a partial success, naming the file, and the next attempt sends only that one', async () => {
    const raw = createXmlRpcClient(s.endpoint)
    await raw.call('xmlStorageSystem.saveMultipleFiles', [
      s.account.usernum,
      md5Hex(s.password),
      ['clash.html/x.txt'],
      [Buffer.from('x')],
    ])
    await s.put('clash.html', 'c')
    await s.put('b.txt', 'b')
    const o = await siteSyncPerformer(deps()).run(job(), attempt())
    expect(o.kind).toBe('attention')
    if (o.kind !== 'attention') return
    expect(o.error.message).toMatch(/^1 file did not go: .*clash\.html clashes/)
    expect(o.files?.map((f) => [f.path, f.status])).toEqual([
      ['b.txt', 'sent'],
      ['clash.html', 'failed'],
    ])
    await raw.call('xmlStorageSystem.deleteMultipleFiles', [
      s.account.usernum,
      md5Hex(s.password),
      ['clash.html/x.txt'],
    ])
    sent.length = 0
    const again = await siteSyncPerformer(deps()).run(job(), attempt())
    expect(again.kind).toBe('done')
    expect(sent).toEqual([['clash.html']])
  })

  it('waits and retries when the server cannot be reached', async () => {
    const saved = account
    account = { ...account, url: 'http://127.0.0.1:9/RPC2' }
    try {
      await s.put('c.txt', 'c')
      const o = await siteSyncPerformer(deps()).run(job(), attempt())
      expect(o.kind).toBe('retry')
      if (o.kind === 'retry') expect(o.error.kind).toBe('transport')
    } finally {
      account = saved
    }
  })
})
