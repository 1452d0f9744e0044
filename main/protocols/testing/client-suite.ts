import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProfile, type ServerProfile } from '../../../shared/server-profile'
import { createXmlRpcClient } from '../../xmlrpc/client'
import { getMember, isStruct } from '../../xmlrpc/get-member'
import { XmlRpcDateTime } from '../../xmlrpc/values'
import { checkLimits } from '../check-limits'
import { CommunityError } from '../community-error'
import type { CommunityMember, CommunityServer } from '../community-session'
import { deleteMultipleFiles } from '../delete-multiple-files'
import {
  attachEnclosure,
  editMessage,
  getMessage,
  getTopics,
  newMessage,
  saveMessage,
  type DiscussionLogin,
  type Msgnum,
} from '../discussion'
import { getInitialResources } from '../initial-resources'
import { InvalidInputError } from '../invalid-input-error'
import { startNotifyListener } from '../notify-listener'
import { pleaseNotify } from '../please-notify'
import { mailPasswordToUser } from '../mail-password'
import { getMyDirectory } from '../my-directory'
import { registerUser } from '../register-user'
import { saveMultipleFiles } from '../save-multiple-files'
import { getServerCapabilities, type ServerCapabilities } from '../server-capabilities'
import { detectServerProfile } from '../server-profile-detect'
import { storagePing } from '../storage-ping'
import { UnsupportedError } from '../unsupported'
import { webHostPut } from '../webhost'
import { extendedPing, weblogPing, weblogUpdatesEndpoint } from '../weblog-updates'
import { httpGet } from './http-get'
import { spyClient } from './spy-client'

/** Every target runs with this per-file limit, so one of three files can fail on its own. */
export const SUITE_MAX_FILE_SIZE = 1000

export interface ClientSuiteTarget {
  label: string
  /** Starts a fresh server with maxFileSize = SUITE_MAX_FILE_SIZE and html, txt, png legal. */
  start(): Promise<{ endpoint: string; close(): Promise<void> }>
  dgname: string
  introspection: boolean
  /** registerUser's arity the server accepts ('either': both, so the profile's stays). */
  arity: 5 | 6 | 'either'
  isUsernum(v: unknown): boolean
  /** RCS-only methods: getMyDirectory, mailPasswordToUser. */
  rcs: boolean
  extendedPing: boolean
  /** mainResponder.discuss.getTopics/getMessage. */
  dgRead: boolean
}

/** The same client suite against any server of the family (PyCS-like, the sandbox). */
export function defineClientSuite(t: ClientSuiteTarget): void {
  describe(`clients against ${t.label}`, () => {
    let server: { endpoint: string; close(): Promise<void> }
    let profile: ServerProfile
    let member: CommunityMember
    let caps: ServerCapabilities
    const email = 'writer@example.com'
    const password = 'pässwörd ✓'
    const client = () => createXmlRpcClient(server.endpoint)

    beforeAll(async () => {
      server = await t.start()
    })
    afterAll(() => server?.close())

    it('detects the profile on first contact', async () => {
      profile = await detectServerProfile(client(), defaultProfile())
      expect(profile.detectedAt).not.toBeNull()
      if (t.introspection) {
        expect(profile.methods).toContain('xmlStorageSystem.registerUser')
        expect(profile.uploadMethod).toBe('saveMultipleFiles')
      } else {
        expect(profile.methods).toBeNull()
      }
    })

    it('reads the initial resources as named links', async () => {
      const r = await getInitialResources(client(), profile)
      expect(r.commentsPageUrl).toMatch(/^http:\/\//)
      expect(r.links.commentsPageUrl).toBe(r.commentsPageUrl)
    })

    it('registers, whatever arity the profile starts with, and keeps the usernum’s type', async () => {
      // Start with the arity the server refuses, so the retry has to work.
      const first = t.arity === 5 ? 6 : t.arity === 6 ? 5 : 6
      const start: CommunityServer = { client: client(), profile: { ...profile, registerUserArity: first } }
      const r = await registerUser(start, { email, name: 'Writer', password, clientPort: 5335 })
      expect(t.isUsernum(r.usernum)).toBe(true)
      profile = r.profile
      expect(profile.registerUserArity).toBe(t.arity === 'either' ? first : t.arity)
      // Registering again with the same password answers the same usernum, same type.
      const again = await registerUser(
        { client: client(), profile },
        { email, name: 'Writer', password, clientPort: 5335 },
      )
      expect(again.usernum).toStrictEqual(r.usernum)
      member = { client: client(), profile, usernum: r.usernum, password }
    })

    it('reads the capabilities, typed, unknown members kept', async () => {
      caps = await getServerCapabilities(member)
      expect(caps.maxFileSize).toBe(SUITE_MAX_FILE_SIZE)
      expect(typeof caps.maxBytesPerUser).toBe('number')
      expect(caps.ctBytesInUse).toBe(0)
      expect(caps.legalFileExtensions).toEqual(expect.arrayContaining(['html', 'txt']))
      expect(caps.yourUpstreamFolderUrl).toMatch(/^http:\/\//)
      expect(caps.weblogUpdates?.port).toBeTypeOf('number')
      expect(caps.community?.name).toBeTypeOf('string')
      expect(Object.keys(caps.members)).toEqual(expect.arrayContaining(['flError', 'legalFileExtensions', 'community']))
    })

    let saved: Awaited<ReturnType<typeof saveMultipleFiles>>
    const files = [
      { path: 'index.html', bytes: Buffer.from('<p>héllo ✓</p>') },
      { path: 'notes/today.txt', bytes: Buffer.from('plain\n') },
      { path: 'big.html', bytes: Buffer.alloc(SUITE_MAX_FILE_SIZE + 1, 0x61) },
    ]

    it('says before uploading which file breaks which limit', () => {
      const violations = checkLimits(
        files.map((f) => ({ path: f.path, size: f.bytes.length })),
        caps,
      )
      expect(violations.map((v) => [v.path, v.limit])).toEqual([['big.html', 'maxFileSize']])
    })

    it('saves three files with one failing: partial success, per file', async () => {
      saved = await saveMultipleFiles(member, files)
      expect(saved.files.map((f) => f.ok)).toEqual([true, true, false])
      expect(saved.files[2].url).toBeNull()
      expect(saved.partial).toBe(true)
      expect(saved.message).toMatch(/big\.html/)
      expect(saved.yourUpstreamFolderUrl).toBe(caps.yourUpstreamFolderUrl)
      for (const [i, f] of saved.files.slice(0, 2).entries()) {
        const got = await httpGet(f.url!)
        expect(got.status).toBe(200)
        expect(got.bytes.equals(files[i].bytes)).toBe(true)
      }
      expect((await getServerCapabilities(member)).ctBytesInUse).toBe(files[0].bytes.length + files[1].bytes.length)
      expect(member.profile.uploadMethod).toBe('saveMultipleFiles')
    })

    it('lists the directory where the server offers it, else says it does not', async () => {
      if (t.rcs) {
        const dir = await getMyDirectory(member)
        expect(dir.entries.map((e) => e.url)).toEqual(expect.arrayContaining([saved.files[0].url]))
        expect(dir.entries[0].whenCreated).toBeInstanceOf(XmlRpcDateTime)
        expect((await mailPasswordToUser({ client: client(), profile }, email)).message).not.toBe('')
      } else {
        await expect(getMyDirectory(member)).rejects.toBeInstanceOf(UnsupportedError)
        await expect(mailPasswordToUser({ client: client(), profile }, email)).rejects.toThrow(
          /does not offer xmlStorageSystem.mailPasswordToUser/,
        )
      }
    })

    it('is called back after pleaseNotify when a subscribed file changes (where offered)', async () => {
      const heard: string[] = []
      const listener = await startNotifyListener({ onNotify: (url) => heard.push(url) })
      try {
        const url = saved.files[1].url!
        if (!t.rcs) {
          await expect(pleaseNotify(member, listener.registration, [url])).rejects.toBeInstanceOf(UnsupportedError)
          return
        }
        await pleaseNotify(member, listener.registration, [url])
        await saveMultipleFiles(member, [{ path: files[1].path, bytes: Buffer.from('changed\n') }])
        for (let waited = 0; heard.length === 0 && waited < 5000; waited += 20)
          await new Promise((r) => setTimeout(r, 20))
        expect(heard).toEqual([url])
      } finally {
        await listener.close()
      }
    })

    it('deletes per file: one deleted, one reported missing', async () => {
      const d = await deleteMultipleFiles(member, ['index.html', 'missing.html'])
      expect(d.files.map((f) => f.ok)).toEqual([true, false])
      expect(d.files[1].error).toBeTruthy()
      expect(d.partial).toBe(true)
      expect((await httpGet(saved.files[0].url!)).status).toBe(404)
    })

    it('pings as a storage client and at the weblogUpdates address the capabilities give', async () => {
      expect((await storagePing(member, { status: 0, clientPort: 5335 })).members).toBeDefined()
      const endpoint = weblogUpdatesEndpoint(caps.weblogUpdates)
      expect(endpoint).toBe(server.endpoint)
      const wu = createXmlRpcClient(endpoint!)
      const weblog = { name: 'Writer’s weblog', url: caps.yourUpstreamFolderUrl! }
      expect((await weblogPing(wu, weblog)).method).toBe('weblogUpdates.ping')
      const ext = await extendedPing(wu, { ...weblog, changesUrl: weblog.url, feedUrl: `${weblog.url}rss.xml` })
      expect(ext.method).toBe(t.extendedPing ? 'weblogUpdates.extendedPing' : 'weblogUpdates.ping')
    })

    it('turns a refused password into one auth error, with the server’s words', async () => {
      const e = await getServerCapabilities({ ...member, password: 'wrong' }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(CommunityError)
      expect((e as CommunityError).kind).toBe('auth')
      expect((e as CommunityError).serverMessage).not.toBe('')
    })

    describe('discussion group', () => {
      let dg: DiscussionLogin
      let root: Msgnum
      beforeAll(() => {
        dg = { client: client(), dgname: t.dgname, username: email, password, profile }
      })

      it('refuses an empty title on a new thread before sending anything', async () => {
        const spy = spyClient(client())
        await expect(newMessage({ ...dg, client: spy }, '  ', 'body', 0)).rejects.toBeInstanceOf(InvalidInputError)
        expect(spy.calls).toEqual([])
      })

      it('starts a thread; an empty-title reply becomes "Re: …", once', async () => {
        const first = await newMessage(dg, 'Hello group', 'First post', 0)
        root = first.msgnum
        expect(first.title).toBe('Hello group')
        const reply = await newMessage(dg, '', 'A reply', root)
        expect(reply.title).toBe('Re: Hello group')
        const deeper = await newMessage(dg, '', 'And another', reply.msgnum)
        expect(deeper.title).toBe('Re: Hello group')
        expect((await httpGet(first.url)).status).toBe(200)
      })

      it('saves body before title, and reads both back', async () => {
        const s = await saveMessage(dg, root, 'The new body', 'The new title')
        expect(s.title).toBe('The new title')
        expect(s.lastsave).toBeInstanceOf(XmlRpcDateTime)
        const e = await editMessage(dg, root)
        expect([e.title, e.body]).toEqual(['The new title', 'The new body'])
      })

      it('attaches an enclosure that downloads as sent', async () => {
        const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255])
        const r = await attachEnclosure(dg, root, 'image/png', png, 'pictures/dot.png')
        // The seed leaves attachEnclosure's answer open: the URL comes back there or in getMessage.
        const listed = r.url === null && t.dgRead ? (await getMessage(dg, root)).enclosures[0] : undefined
        const url = r.url ?? (isStruct(listed) ? String(getMember(listed, 'url')) : '')
        const got = await httpGet(url)
        expect(got.status).toBe(200)
        expect(got.type).toMatch(/^image\/png/)
        expect(got.bytes.equals(png)).toBe(true)
      })

      it('reads topics and messages only where the server lists them', async () => {
        if (t.dgRead && t.introspection) {
          const topics = await getTopics(dg, 10)
          expect(topics[topics.length - 1].msgnum).toStrictEqual(root)
          expect(topics[0].title).toBe('Re: Hello group')
          expect((await getMessage(dg, root)).body).toBe('The new body')
        } else {
          await expect(getTopics(dg, 10)).rejects.toBeInstanceOf(UnsupportedError)
        }
      })

      it('turns a refused DG password into the same auth error', async () => {
        const e = await editMessage({ ...dg, password: 'wrong' }, root).catch((x: unknown) => x)
        expect(e).toBeInstanceOf(CommunityError)
        expect((e as CommunityError).kind).toBe('auth')
      })
    })

    it('puts a web page and uses the URL the server returns', async () => {
      const put = await webHostPut(client(), {
        username: email,
        password,
        bytes: Buffer.from('<h1>Hi</h1>'),
        mimeType: 'text/html',
        relativePath: 'pages/hi.html',
      })
      const got = await httpGet(put.url)
      expect(got.status).toBe(200)
      expect(got.bytes.toString()).toBe('<h1>Hi</h1>')
      expect(got.type).toMatch(/^text\/html/)
    })
  })
}
