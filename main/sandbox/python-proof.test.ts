import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './sandbox'

// The sandbox proven from Python's xmlrpc.client (python-proof.py): a peer we did not write.
const script = fileURLToPath(new URL('./testing/python-proof.py', import.meta.url))
const MAX_FILE = 1000

/** Runs one scenario; async, since the sandbox answering it lives in this very process. */
function python(scenario: string, ...args: (string | number)[]): Promise<any> {
  const child = spawn('python3', [script, scenario, ...args.map(String)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d))
  child.stderr.on('data', (d: Buffer) => (err += d))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`python-proof.py ${scenario} exited ${code}:\n${err}`))
      else resolve(JSON.parse(out))
    })
  })
}

const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('the sandbox from Python’s xmlrpc.client', () => {
  let dir: string
  let sandbox: Sandbox
  const email = 'py@example.com'
  const password = 'pässword'

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-py-'))
    sandbox = await startSandbox({
      dir,
      port: 0,
      limits: { maxFileSize: MAX_FILE },
      users: [{ email: 'member@example.com', password: 'secret' }],
      groups: ['extra'],
    })
  })
  afterAll(async () => {
    await sandbox?.close()
    await rm(dir, { recursive: true, force: true })
  })

  let storage: any
  it('registers, reads capabilities, saves with a partial success, serves, deletes and lists', async () => {
    storage = await python('storage', sandbox.endpoint, email, password, MAX_FILE + 1)
    const usernum = storage.register.usernum
    expect(storage.register).toMatchObject({ flError: false })
    expect(usernum).toMatch(/^\d{7}$/)
    expect(storage.registerAgain6).toMatchObject({ flError: false, usernum })
    expect(storage.registerOtherPassword).toMatchObject({ flError: true })
    expect(storage.registerSevenParams.fault[0]).toBe(-32602)
    // Sign-in failures are structs, like PyCS; the hint names the digest.
    expect(storage.clearTextPassword).toMatchObject({ flError: true })
    expect(storage.clearTextPassword.message).toContain('MD5')

    const caps = storage.capabilities
    expect(caps).toMatchObject({
      flError: false,
      maxFileSize: MAX_FILE,
      ctBytesInUse: 0,
      weblogUpdates: { server: '127.0.0.1', port: sandbox.port, protocol: 'xml-rpc', rpcPath: '/RPC2' },
    })
    expect(caps.legalFileExtensions).toContain('html')
    expect(caps.legalFileExtensions.every((e: string) => !e.includes('.'))).toBe(true)
    expect(Object.keys(caps.community)).toEqual(
      expect.arrayContaining([
        'flCanHostComments',
        'flCanHostTrackback',
        'flCanHostAccessRestrictions',
        'flCanMirrorPosts',
        'name',
        'discussionGroupUrl',
        'domainName',
        'flHasSearch',
        'flPublic',
        'mailListUrl',
        'urlSearch',
      ]),
    )
    expect(caps.yourUpstreamFolderUrl).toBe(`${sandbox.baseUrl}/users/${usernum}/`)

    // Three files, the third over maxFileSize: stored, stored, refused.
    const save = storage.save
    expect(save.flError).toBe(true)
    expect(save.urlList).toHaveLength(3)
    expect(save.urlList[0]).toBe(`${sandbox.baseUrl}/users/${usernum}/index.html`)
    expect(save.urlList[1]).toBe(`${sandbox.baseUrl}/users/${usernum}/notes/a%20b.txt`)
    expect(save.urlList[2]).toBe('')
    expect(save.message).toMatch(/big\.html.*1000/)
    expect(storage.fetched[0]).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', bytes: storage.sent[0] })
    expect(storage.fetched[1]).toMatchObject({ status: 200, type: 'text/plain; charset=utf-8', bytes: storage.sent[1] })
    // the folder URL serves its index.html
    expect(storage.folder).toMatchObject({ status: 200, bytes: storage.sent[0] })
    expect(storage.sendAlias).toMatchObject({
      flError: false,
      urlList: [`${sandbox.baseUrl}/users/${usernum}/plain.txt`],
    })
    const inUse =
      Buffer.from(storage.sent[0], 'base64').length +
      Buffer.from(storage.sent[1], 'base64').length +
      'sent as a <string>'.length
    expect(storage.capabilitiesAfter.ctBytesInUse).toBe(inUse)

    expect(storage.traversal.flError).toBe(true)
    expect(storage.traversal.urlList).toEqual(['', '', `${sandbox.baseUrl}/users/${usernum}/ok.html`])
    expect(storage.traversal.message).toMatch(/\.\..*absolute/s)
    expect(storage.rawTraversal).toEqual([404, 404, 404, 404])
    expect(storage.badCall.fault[0]).toBe(-32602)

    expect(storage.delete).toMatchObject({ flError: true, errorList: ['', expect.stringContaining('missing.html')] })
    expect(storage.fetchDeleted.status).toBe(404)
    const listed = Object.entries(storage.directory.directory) as [string, any][]
    expect(listed.map(([k, f]) => [k, f.relativePath, f.size])).toEqual([
      ['file00001', 'notes/a b.txt', Buffer.from(storage.sent[1], 'base64').length],
      ['file00002', 'ok.html', 1],
      ['file00003', 'plain.txt', 'sent as a <string>'.length],
    ])
    expect(listed[0][1].whenCreated.dateTime).toMatch(/^\d{8}T\d\d:\d\d:\d\d$/)
    expect(listed[0][1].url).toBe(save.urlList[1])
  })

  let discussion: any
  it('runs a discussion thread: "Re: …" titles, saves, topics, an escaped page and an enclosure round trip', async () => {
    discussion = await python('discuss', sandbox.endpoint, 'member@example.com', 'secret', 'sandbox')
    const d = discussion
    expect(d.first).toMatchObject({
      title: 'Hello <world>',
      url: `${sandbox.baseUrl}/discuss/sandbox/${d.first.msgnum}`,
    })
    expect(typeof d.first.msgnum).toBe('string')
    expect(d.reply.title).toBe('Re: Hello <world>')
    expect(d.replyToReply.title).toBe('Re: Hello <world>') // never "Re: Re:"
    expect(d.emptyNewThread.fault[1]).toContain('title')
    expect(d.wrongPassword.fault[0]).toBe(4)
    expect(d.edit).toEqual({ title: 'Hello <world>', body: 'A body with <b>tags</b> & ampersands.', url: d.first.url })
    expect(d.save).toMatchObject({ title: 'Hello again', url: d.first.url })
    expect(d.save.lastsave.dateTime).toMatch(/^\d{8}T\d\d:\d\d:\d\d$/)
    expect(d.topics.map((t: any) => t.msgnum)).toEqual([d.replyToReply.msgnum, d.reply.msgnum, d.first.msgnum])
    expect(d.topics[2]).toMatchObject({
      title: 'Hello again',
      author: 'member@example.com',
      inResponseTo: 0,
      url: d.first.url,
    })
    expect(d.topics[1].inResponseTo).toBe(d.first.msgnum)
    expect(d.message).toMatchObject({
      msgnum: d.reply.msgnum,
      title: 'Re: Hello <world>',
      body: 'I agree.',
      inResponseTo: d.first.msgnum,
      enclosures: [],
    })

    const page = Buffer.from(d.page.bytes, 'base64').toString()
    expect(d.page.type).toBe('text/html; charset=utf-8')
    // Fetched after saveMessage: the saved body, as text.
    expect(page).toContain('A better body with &lt;i&gt;tags&lt;/i&gt;.')
    expect(page).not.toContain('<i>tags</i>')

    expect(d.attach).toMatchObject({
      msgnum: d.first.msgnum,
      enclosureType: 'image/png',
      enclosureAddress: 'images/pixel.png',
    })
    expect(d.download).toMatchObject({ status: 200, type: 'image/png', bytes: d.sentEnclosure })
    expect(d.download.disposition).toContain('pixel.png')
    expect(d.withEnclosure.enclosures).toEqual([
      {
        url: d.attach.url,
        enclosureType: 'image/png',
        enclosureAddress: 'images/pixel.png',
        size: Buffer.from(d.sentEnclosure, 'base64').length,
      },
    ])

    expect(d.multicall[0]).toEqual(
      expect.arrayContaining([
        'mainResponder.discuss.getTopics',
        'xmlStorageSystem.saveMultipleFiles',
        'validator1.easyStructTest',
        'system.multicall',
      ]),
    )
    expect(d.multicall[1][0].msgnum).toBe(d.replyToReply.msgnum)
    expect(d.multicall[2].fault[0]).toBe(7)
  })

  it('puts a page with webHost.put (member names read case-insensitively) and serves it', async () => {
    const w = await python('webhost', sandbox.endpoint, 'member@example.com', 'secret')
    const usernum = sandbox.members.byEmail('member@example.com')!.usernum
    // No extension given: the server added one, and the returned URL says so.
    expect(w.put.url).toBe(`${sandbox.baseUrl}/webhost/${usernum}/pages/hello.html`)
    expect(w.fetched).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', bytes: w.sent })
    expect(w.traversal.fault[0]).toBe(5)
    expect(w.absolute.fault[0]).toBe(5)
    expect(w.wrongPassword.fault[0]).toBe(4)
  })

  it('calls a Python SimpleXMLRPCServer back when a watched URL changes', async () => {
    const n = await python('notify', sandbox.endpoint, 'listener@example.com', 'listen')
    expect(n.subscribe).toMatchObject({ flError: false })
    expect(n.rssSubscribe).toBe(true)
    expect(n.foreignUrl.fault[0]).toBe(-32602)
    expect(n.soap.fault[1]).toContain('xml-rpc')
    // One callback per change of a watched URL, the URL as subscribed; none for the other file.
    expect(n.heard).toEqual([n.watched, n.page])
  })

  it('keeps members, files and messages across a restart', async () => {
    await sandbox.close()
    sandbox = await startSandbox({ dir, port: 0, limits: { maxFileSize: MAX_FILE } })
    expect(sandbox.groups()).toEqual(['extra', 'sandbox'])
    const usernum = storage.register.usernum
    const p = await python('persisted', sandbox.endpoint, email, password, usernum, 'sandbox')
    expect(p.register).toMatchObject({ flError: false, usernum })
    expect(Object.values(p.directory.directory).map((f: any) => f.relativePath)).toEqual([
      'notes/a b.txt',
      'ok.html',
      'plain.txt',
    ])
    // URLs now carry the new port: the files are served from it.
    expect(p.fetched.map((f: any) => f.status)).toEqual([200, 200, 200])
    expect(p.fetched[2].bytes).toBe(b64('sent as a <string>'))
    expect(p.topics.map((t: any) => t.msgnum)).toEqual(discussion.topics.map((t: any) => t.msgnum))
  })
})
