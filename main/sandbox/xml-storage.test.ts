import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XmlRpcDateTime, struct } from '../xmlrpc/values'
import { md5Hex } from './members'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

const NS = 'xmlStorageSystem'
type Saved = { flError: boolean; message: string; urlList: string[] }

describe('xmlStorageSystem on the sandbox', () => {
  let s: OpenSandbox
  beforeAll(async () => {
    s = await openSandbox({ limits: { maxFileSize: 50, maxBytesPerUser: 100, legalFileExtensions: ['html', '.TXT'] } })
  })
  afterAll(() => s?.close())

  it('registers with a digest only, and refuses what is not one', async () => {
    const [usernum, digest] = await s.register('reg@example.com', 'pw')
    expect(s.sandbox.members.byUsernum(usernum)?.digest).toBe(digest)
    const upper = (await s.call(`${NS}.registerUser`, 'up@example.com', 'Up', md5Hex('pw').toUpperCase(), 0, 'ua')) as {
      flError: boolean
      usernum: string
      message: string
    }
    expect(upper).toMatchObject({ flError: true, usernum: '' })
    expect(upper.message).toContain('lowercase hex MD5')
    expect(await s.call(`${NS}.registerUser`, 'clear@example.com', 'Clear', 'pw', 0, 'ua')).toMatchObject({
      flError: true,
    })
    expect(await s.call(`${NS}.registerUser`, 'not-an-address', 'X', md5Hex('pw'), 0, 'ua')).toMatchObject({
      flError: true,
    })
    // The member signs in to the other namespaces with the clear password.
    expect(s.sandbox.members.signIn('REG@example.com', 'pw')?.usernum).toBe(usernum)
    // usernum goes back exactly as returned: a string.
    expect((await s.fault(`${NS}.getServerCapabilities`, Number(usernum), digest)).faultCode).toBe(-32602)
    expect(await s.call(`${NS}.getServerCapabilities`, '9999999', digest)).toMatchObject({ flError: true })
  })

  it('enforces the extension list (case-insensitively, no dots) and the size limit per file', async () => {
    const [u, d] = await s.register('ext@example.com', 'pw')
    const files = ['a.html', 'b.TXT', 'c.exe', 'README', 'big.html']
    const saved = (await s.call(`${NS}.saveMultipleFiles`, u, d, files, [
      Buffer.from('1'),
      Buffer.from('2'),
      Buffer.from('3'),
      Buffer.from('4'),
      Buffer.alloc(51),
    ])) as Saved
    expect(saved.urlList.map((x) => x !== '')).toEqual([true, true, false, false, false])
    expect(saved.message).toMatch(/Stored 2 of 5.*\.exe.*no extension.*big\.html/s)
    const caps = (await s.call(`${NS}.getServerCapabilities`, u, d)) as {
      legalFileExtensions: string[]
      maxBytesPerUser: number
      ctBytesInUse: number
    }
    expect(caps).toMatchObject({ legalFileExtensions: ['html', 'txt'], maxBytesPerUser: 100, ctBytesInUse: 2 })
  })

  it('keeps each member within the quota, web-host pages included, replacing files by their net size', async () => {
    const [u, d] = await s.register('quota@example.com', 'pw')
    const save = (path: string, size: number) =>
      s.call(`${NS}.saveMultipleFiles`, u, d, [path], [Buffer.alloc(size)]) as Promise<Saved>
    expect((await save('one.html', 40)).flError).toBe(false)
    expect((await save('two.html', 40)).flError).toBe(false)
    const over = await save('three.html', 30)
    expect(over).toMatchObject({ flError: true, urlList: [''] })
    expect(over.message).toContain('quota')
    expect((await save('one.html', 50)).flError).toBe(false) // 90 in use: the old 40 bytes no longer count
    const put = (size: number) =>
      s.call(
        'webHost.put',
        struct({
          username: 'quota@example.com',
          password: 'pw',
          bytes: Buffer.alloc(size),
          mimeType: 'text/plain',
          relativePath: 'p.txt',
        }),
      )
    expect(
      (
        await s.fault(
          'webHost.put',
          struct({
            username: 'quota@example.com',
            password: 'pw',
            bytes: Buffer.alloc(11),
            mimeType: 'text/plain',
            relativePath: 'p.txt',
          }),
        )
      ).faultCode,
    ).toBe(6)
    await put(10)
    expect(((await s.call(`${NS}.getServerCapabilities`, u, d)) as { ctBytesInUse: number }).ctBytesInUse).toBe(100)
    const deleted = (await s.call(`${NS}.deleteMultipleFiles`, u, d, ['two.html', '../x.html'])) as {
      errorList: string[]
      flError: boolean
    }
    expect(deleted.flError).toBe(true)
    expect(deleted.errorList[0]).toBe('')
    expect(deleted.errorList[1]).toContain('..')
    expect((await save('three.html', 30)).flError).toBe(false)
  })

  it('lists the directory as file00001… in path order with dates', async () => {
    const [u, d] = await s.register('dir@example.com', 'pw')
    await s.call(`${NS}.saveMultipleFiles`, u, d, ['z.html', 'a/b.html'], ['z', 'b'])
    const r = (await s.call(`${NS}.getMyDirectory`, u, d)) as {
      flError: boolean
      directory: Record<string, { relativePath: string; whenCreated: unknown; url: string }>
    }
    expect(r.flError).toBe(false)
    expect(Object.keys(r.directory)).toEqual(['file00001', 'file00002'])
    expect(r.directory.file00001).toMatchObject({
      relativePath: 'a/b.html',
      size: 1,
      url: `${s.sandbox.baseUrl}/users/${u}/a/b.html`,
    })
    expect(r.directory.file00001.whenCreated).toBeInstanceOf(XmlRpcDateTime)
    expect(await s.call(`${NS}.getMyDirectory`, u, md5Hex('wrong'))).toMatchObject({ flError: true })
    // The folder URL without an index.html is a listing.
    const listing = await s.get(`/users/${u}/`)
    expect(listing.status).toBe(200)
    expect(listing.bytes.toString()).toContain(`/users/${u}/a/b.html`)
  })

  it('writes mailPasswordToUser’s mail to the outbox, without any secret in it', async () => {
    const [u] = await s.register('mail@example.com', 'pw')
    expect(await s.call(`${NS}.mailPasswordToUser`, 'nobody@example.com')).toMatchObject({ flError: true })
    expect(await s.call(`${NS}.mailPasswordToUser`, 'MAIL@example.com')).toMatchObject({ flError: false })
    const [file] = await readdir(join(s.dir, 'outbox'))
    const mail = await readFile(join(s.dir, 'outbox', file), 'utf8')
    expect(mail).toContain('To: mail <mail@example.com>')
    expect(mail).toContain(u)
    expect(mail).not.toContain(md5Hex('pw'))
  })

  it('answers ping with the folder URL and cloud data', async () => {
    const [u, d] = await s.register('ping@example.com', 'pw')
    const first = (await s.call(`${NS}.ping`, u, d, 0, 5335, struct())) as {
      flError: boolean
      yourUpstreamFolderUrl: string
      cloudData: Record<string, unknown>
    }
    expect(first).toMatchObject({ flError: false, yourUpstreamFolderUrl: `${s.sandbox.baseUrl}/users/${u}/` })
    expect(first.cloudData.whenLastPing).toBeUndefined()
    const second = (await s.call(`${NS}.ping`, u, d, 1, 5335, struct())) as { cloudData: Record<string, unknown> }
    expect(second.cloudData.whenLastPing).toBeInstanceOf(XmlRpcDateTime)
    expect(s.sandbox.members.byUsernum(u)?.lastPing).toMatchObject({
      status: 1,
      clientPort: 5335,
      address: '127.0.0.1',
    })
  })
})

describe('the rest of the community server', () => {
  let s: OpenSandbox
  beforeAll(async () => {
    s = await openSandbox()
  })
  afterAll(() => s?.close())

  it('documents every method: a signature (array of arrays) and help', async () => {
    const names = (await s.call('system.listMethods')) as string[]
    expect(names).toEqual(
      expect.arrayContaining([
        'mainResponder.discuss.newMessage',
        'mainResponder.discuss.editMessage',
        'mainResponder.discuss.saveMessage',
        'mainResponder.discuss.attachEnclosure',
        'mainResponder.discuss.getTopics',
        'mainResponder.discuss.getMessage',
        'webHost.put',
        'radioCommunityServer.getInitialResources',
        'xmlStorageSystem.registerUser',
        'xmlStorageSystem.saveMultipleFiles',
        'xmlStorageSystem.sendMultipleFiles',
        'xmlStorageSystem.deleteMultipleFiles',
        'xmlStorageSystem.getServerCapabilities',
        'xmlStorageSystem.getMyDirectory',
        'xmlStorageSystem.mailPasswordToUser',
        'xmlStorageSystem.ping',
        'xmlStorageSystem.pleaseNotify',
        'xmlStorageSystem.requestNotification',
        'xmlStorageSystem.rssPleaseNotify',
        'weblogUpdates.ping',
        'weblogUpdates.extendedPing',
        'validator1.easyStructTest',
        'system.multicall',
      ]),
    )
    // The engine documents system.* and validator1.*; the sandbox's own namespaces are checked here.
    const ours = names.filter((n) => !/^(system|validator1)\./.test(n))
    expect(ours).toHaveLength(37) // 21 community/discussion/webhost + 16 blogger/metaWeblog/wp
    for (const name of ours) {
      const signatures = await s.call('system.methodSignature', name)
      expect(Array.isArray(signatures) && signatures.length > 0 && signatures.every(Array.isArray), name).toBe(true)
      expect(((await s.call('system.methodHelp', name)) as string).length, name).toBeGreaterThan(20)
    }
  })

  it('gives initial resources that all open, and hosts comments as text', async () => {
    const r = (await s.call('radioCommunityServer.getInitialResources')) as Record<string, string>
    expect(r.commentsPageUrl).toBe(`${s.sandbox.baseUrl}/comments`)
    for (const url of Object.values(r))
      expect((await s.get(url + (url.endsWith('/comments') ? '?u=0000001&p=42' : ''))).status, url).toBe(200)
    const posted = await s.get('/comments?u=0000001&p=42', {
      method: 'POST',
      body: new URLSearchParams({ name: 'Eve', url: 'javascript:alert(1)', text: '<script>hi</script>' }),
    })
    expect(posted.status).toBe(303)
    const page = (await s.get('/comments?u=0000001&p=42')).bytes.toString()
    expect(page).toContain('&lt;script&gt;hi&lt;/script&gt;')
    expect(page).not.toContain('javascript:')
    expect((await s.get('/comments')).status).toBe(400)
    await s.restart()
    expect((await s.get('/comments?u=0000001&p=42')).bytes.toString()).toContain('&lt;script&gt;hi')
  })

  it('takes weblogUpdates pings, weblogs.com style, and lists them newest first', async () => {
    expect(await s.call('weblogUpdates.ping', 'First', 'http://example.com/first/')).toEqual({
      flerror: false,
      message: 'Thanks for the ping.',
    })
    expect(
      await s.call(
        'weblogUpdates.extendedPing',
        'Second',
        'http://example.com/second/',
        'http://example.com/second/changes',
        'http://example.com/second/rss.xml',
      ),
    ).toMatchObject({ flerror: false })
    expect(await s.call('weblogUpdates.ping', 'Bad', 'ftp://example.com/')).toMatchObject({ flerror: true })
    expect((await s.fault('weblogUpdates.ping', 'Only a name')).faultCode).toBe(-32602)
    const page = (await s.get('/weblogUpdates')).bytes.toString()
    expect(page.indexOf('Second')).toBeLessThan(page.indexOf('First'))
    expect(page).not.toContain('Bad')
  })

  it('refuses other verbs than GET outside /RPC2, and serves nothing from the data folder', async () => {
    expect((await s.get('/users/x', { method: 'PUT', body: 'x' })).status).toBe(405)
    for (const path of ['/members.json', '/users/', '/discuss/sandbox/messages.json', '/subscriptions.json'])
      expect((await s.get(path)).status, path).toBe(404)
  })
})
