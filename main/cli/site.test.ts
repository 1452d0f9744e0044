import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { acquireLock } from '../store/locks'
import { passwordKey } from '../store/secrets'
import { fileSecrets } from '../store/secrets-file'
import { openSettings } from '../store/settings'
import { siteLocations } from '../weblog/site-locations'
import { main } from './main'
import { fakeIo } from './testing/test-io'

describe('upstream site sync|status', () => {
  let work: string
  let data: string
  let sandbox: Sandbox
  const password = 'correct horse'
  const www = () => siteLocations(data, 'blog').defaultSiteDir
  const put = async (path: string, text: string) => {
    await mkdir(dirname(join(www(), path)), { recursive: true })
    await writeFile(join(www(), path), text)
  }
  const cli = async (args: string[], stdin?: string) => {
    const f = fakeIo({ stdin })
    const code = await main(['site', ...args, '--data', data], f.io)
    return { code, out: f.stdout(), err: f.stderr() }
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cli-site-'))
    data = join(work, 'data')
    sandbox = await startSandbox({
      dir: join(work, 'server'),
      port: 0,
      users: [{ email: 'w@example.com', password }],
      limits: { maxFileSize: 1000 },
    })
    const usernum = sandbox.members.byEmail('w@example.com')!.usernum
    await openSettings(data).update((s) => {
      s.accounts.push({
        id: 'blog',
        kind: 'community',
        name: 'My Weblog',
        url: sandbox.endpoint,
        username: 'w@example.com',
        usernum,
      })
      s.accounts.push({ id: 'host', kind: 'webhost', name: 'Pages', url: sandbox.endpoint, username: 'w@example.com' })
      s.accounts.push({
        id: 'gone',
        kind: 'community',
        name: 'Gone',
        url: 'http://127.0.0.1:9/RPC2',
        username: 'w@example.com',
        usernum,
      })
    })
    await fileSecrets(data).set(passwordKey('blog'), password)
    await fileSecrets(data).set(passwordKey('gone'), password)
    await put('index.html', '<p>home</p>')
    await put('notes/a.txt', 'a')
  })
  afterAll(async () => {
    await sandbox?.close()
    await rm(work, { recursive: true, force: true })
  })

  it('is listed in the help', async () => {
    const f = fakeIo()
    await main(['--help'], f.io)
    expect(f.stdout()).toContain('upstream site sync|status --account NAME')
  })

  it('dry run: shows what would go and sends nothing', async () => {
    const r = await cli(['sync', '--account', 'my weblog', '--dry-run'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Would upload 2 files')
    expect(r.out).toMatch(/\+ index\.html +\(new/)
    expect(r.out).toContain('+ notes/a.txt')
    const status = await cli(['status', '--account', 'blog', '--json'])
    expect(JSON.parse(status.out).pending.uploads).toHaveLength(2)
  })

  it('sync with the stored password: exit 0, the JSON report, then nothing left to do', async () => {
    const r = await cli(['sync', '--account', 'My Weblog', '--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.status).toBe('ok')
    expect(report.results.map((x: { path: string }) => x.path).sort()).toEqual(['index.html', 'notes/a.txt'])
    expect(report.pings[0]).toMatchObject({ ok: true, message: 'Thanks for the ping.' })
    const again = await cli(['sync', '--account', 'My Weblog'])
    expect(again.code).toBe(0)
    expect(again.out).toContain('To upload 0 files')
    const status = await cli(['status', '--account', 'My Weblog'])
    expect(status.out).toContain('Nothing pending')
  })

  it('exit 2 on partial success: a file over the server’s maxFileSize is reported, the rest goes', async () => {
    await put('big.html', 'x'.repeat(1001))
    await put('small.html', 'small')
    const r = await cli(['sync', '--account', 'My Weblog'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('! big.html is 1001 bytes; this server accepts at most 1000 per file.')
    expect(r.out).toContain('Result: partial')
    await rm(join(www(), 'big.html'))
  })

  it('exit 5 without a readable password, naming both ways to give one; --password-stdin works', async () => {
    await fileSecrets(data).delete(passwordKey('blog'))
    const r = await cli(['sync', '--account', 'My Weblog'])
    expect(r.code).toBe(5)
    expect(r.err).toContain('secrets store')
    expect(r.err).toContain('--password-stdin')
    await put('later.html', 'later')
    const piped = await cli(['sync', '--account', 'My Weblog', '--password-stdin'], `${password}\n`)
    expect(piped.code).toBe(0)
    expect(piped.out).toContain('+ later.html')
    expect((await cli(['sync', '--account', 'My Weblog', '--password-stdin'], '')).code).toBe(5)
  })

  it('exit 3 when the server refuses the password, 4 when it cannot be reached, 6 while another process syncs', async () => {
    await put('more.html', 'more')
    const refused = await cli(['sync', '--account', 'My Weblog', '--password-stdin'], 'wrong password')
    expect(refused.code).toBe(3)
    expect(refused.err).toMatch(/password is incorrect/)
    await mkdir(siteLocations(data, 'gone').defaultSiteDir, { recursive: true })
    await writeFile(join(siteLocations(data, 'gone').defaultSiteDir, 'x.html'), 'x')
    const offline = await cli(['sync', '--account', 'Gone'])
    expect(offline.code).toBe(4)
    expect(offline.err).toMatch(/Could not connect to 127.0.0.1:9/)
    const lock = await acquireLock(siteLocations(data, 'blog').root, 'sync')
    try {
      const busy = await cli(['sync', '--account', 'My Weblog', '--password-stdin'], password)
      expect(busy.code).toBe(6)
      expect(busy.err).toContain('syncing "My Weblog" right now')
    } finally {
      await lock!.release()
    }
  })

  it('exit 64 for a wrong account or flags, 65 for a broken template', async () => {
    const none = await cli(['status', '--account', 'nobody'])
    expect(none.code).toBe(64)
    expect(none.err).toContain('Community-server accounts: "My Weblog", "Gone"')
    expect((await cli(['sync', '--account', 'Pages'])).err).toContain('is a webhost account')
    expect((await cli(['sync'])).code).toBe(64)
    expect((await cli(['publish', '--account', 'blog'])).code).toBe(64)
    await mkdir(join(siteLocations(data, 'blog').posts), { recursive: true })
    await writeFile(
      join(siteLocations(data, 'blog').posts, 'p.json'),
      JSON.stringify({
        id: 'p',
        title: 'P',
        body: 'b',
        format: 'text',
        date: '2024-05-14T00:00:00Z',
        categories: [],
        updatedAt: '2024-05-14T00:00:00Z',
      }),
    )
    await mkdir(join(www(), '#templates'), { recursive: true })
    await writeFile(join(www(), '#templates', 'home.html'), '{{#posts}} never closed')
    const broken = await cli(['sync', '--account', 'My Weblog', '--password-stdin'], password)
    expect(broken.code).toBe(65)
    expect(broken.err).toContain('#templates/home.html, line 1: {{#posts}} is never closed.')
  })
})
