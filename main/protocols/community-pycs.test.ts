import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProfile, type ServerProfile } from '../../shared/server-profile'
import { createXmlRpcClient } from '../xmlrpc/client'
import { XmlRpcFault } from '../xmlrpc/fault'
import { checkLimits } from './check-limits'
import { CommunityError } from './community-error'
import type { CommunityMember } from './community-session'
import { editMessage, newMessage } from './discussion'
import { getMyDirectory } from './my-directory'
import { pleaseNotify } from './please-notify'
import { registerUser } from './register-user'
import { saveMultipleFiles } from './save-multiple-files'
import { getServerCapabilities } from './server-capabilities'
import { detectServerProfile } from './server-profile-detect'
import { UnsupportedError } from './unsupported'
import { webHostPut } from './webhost'
import { weblogPing } from './weblog-updates'
import { httpGet } from './testing/http-get'
import { spyClient } from './testing/spy-client'
import { startPycsLike, type PycsLike } from './testing/start-pycs-like'

// PyCS's own ways, one by one, against the PyCS-like server (main/protocols/testing/pycs_like.py).
const md5 = (text: string, enc: BufferEncoding = 'utf8') =>
  createHash('md5').update(Buffer.from(text, enc)).digest('hex')
const reg = (email: string, password = 'secret') => ({ email, name: 'N', password, clientPort: 0 })

let pycs: PycsLike
beforeAll(async () => {
  pycs = await startPycsLike({ maxFileSize: 100, quota: 150, legalExtensions: ['html', 'txt'] })
})
afterAll(() => pycs?.close())

async function member(email: string, password = 'secret'): Promise<CommunityMember> {
  const r = await registerUser(
    { client: createXmlRpcClient(pycs.endpoint), profile: defaultProfile() },
    reg(email, password),
  )
  return { client: createXmlRpcClient(pycs.endpoint), profile: r.profile, usernum: r.usernum, password }
}

describe('registerUser arity', () => {
  it('retries once with 5 params after the 6-param TypeError, and the profile learns it', async () => {
    const spy = spyClient(createXmlRpcClient(pycs.endpoint))
    const learned: ServerProfile[] = []
    const server = {
      client: spy,
      profile: { ...defaultProfile(), registerUserArity: 6 as const },
      onProfileChange: (p: ServerProfile) => learned.push(p),
    }
    const r = await registerUser(server, reg('arity@example.com'))
    expect(spy.calls.map((c) => c.params.length)).toEqual([6, 5])
    expect(typeof r.usernum).toBe('number')
    expect(r.profile.registerUserArity).toBe(5)
    expect(learned.map((p) => p.registerUserArity)).toEqual([5])
    // The next registration starts right: one call.
    await registerUser(server, reg('arity2@example.com'))
    expect(spy.calls.map((c) => c.params.length)).toEqual([6, 5, 5])
  })

  it('does not retry a refusal that is not about the parameter count', async () => {
    await member('taken@example.com', 'first')
    const spy = spyClient(createXmlRpcClient(pycs.endpoint))
    const e = await registerUser(
      { client: spy, profile: { ...defaultProfile(), registerUserArity: 5 } },
      reg('taken@example.com', 'second'),
    ).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CommunityError)
    expect((e as CommunityError).channel).toBe('flError')
    expect(spy.calls).toHaveLength(1)
  })
})

describe('the password on the wire', () => {
  it('is the lowercase hex MD5 of the UTF-8 bytes, compared verbatim by the server', async () => {
    const spy = spyClient(createXmlRpcClient(pycs.endpoint))
    const r = await registerUser(
      { client: spy, profile: { ...defaultProfile(), registerUserArity: 5 } },
      reg('md5@example.com', 'pässwörd €'),
    )
    expect(spy.calls[0].params[2]).toBe(md5('pässwörd €'))
    expect(spy.calls[0].params[2]).toMatch(/^[0-9a-f]{32}$/)
    const raw = createXmlRpcClient(pycs.endpoint)
    await expect(
      raw.call('xmlStorageSystem.getServerCapabilities', [r.usernum, md5('pässwörd €')]),
    ).resolves.toBeDefined()
    for (const wrong of [md5('pässwörd €').toUpperCase(), 'pässwörd €', md5('pässwörd', 'latin1')]) {
      await expect(raw.call('xmlStorageSystem.getServerCapabilities', [r.usernum, wrong])).rejects.toBeInstanceOf(
        XmlRpcFault,
      )
    }
  })

  it('follows the profile: clear text at registration, Latin-1 bytes for the digest', async () => {
    const spy = spyClient(createXmlRpcClient(pycs.endpoint))
    const clear = { ...defaultProfile(), registerUserArity: 5 as const, registrationPassword: 'clear' as const }
    await registerUser({ client: spy, profile: clear }, reg('clear@example.com', 'plain'))
    expect(spy.calls[0].params[2]).toBe('plain')
    const latin1 = { ...defaultProfile(), registerUserArity: 5 as const, passwordEncoding: 'latin1' as const }
    const r = await registerUser({ client: spy, profile: latin1 }, reg('latin1@example.com', 'pässwörd'))
    expect(spy.calls[1].params[2]).toBe(md5('pässwörd', 'latin1'))
    // Later calls digest the same way, so the server recognises the member.
    const caps = await getServerCapabilities({ client: spy, profile: latin1, usernum: r.usernum, password: 'pässwörd' })
    expect(caps.maxFileSize).toBe(100)
  })
})

describe('the upload method’s name', () => {
  let sendOnly: PycsLike
  beforeAll(async () => {
    sendOnly = await startPycsLike({ uploadName: 'send', introspection: true })
  })
  afterAll(() => sendOnly?.close())

  it('falls back to sendMultipleFiles on "method not found", and the profile learns it', async () => {
    const spy = spyClient(createXmlRpcClient(sendOnly.endpoint))
    const r = await registerUser(
      { client: spy, profile: { ...defaultProfile(), registerUserArity: 5 } },
      reg('send@example.com'),
    )
    const m: CommunityMember = { client: spy, profile: r.profile, usernum: r.usernum, password: 'secret' }
    const saved = await saveMultipleFiles(m, [{ path: 'a.html', bytes: Buffer.from('a') }])
    expect(saved.files[0].ok).toBe(true)
    expect(m.profile.uploadMethod).toBe('sendMultipleFiles')
    const names = spy.calls.map((c) => c.method).filter((n) => n.endsWith('MultipleFiles'))
    expect(names).toEqual(['xmlStorageSystem.saveMultipleFiles', 'xmlStorageSystem.sendMultipleFiles'])
  })

  it('takes the name from system.listMethods when the server has introspection', async () => {
    const profile = await detectServerProfile(createXmlRpcClient(sendOnly.endpoint))
    expect(profile.uploadMethod).toBe('sendMultipleFiles')
    const spy = spyClient(createXmlRpcClient(sendOnly.endpoint))
    const r = await registerUser(
      { client: spy, profile: { ...profile, registerUserArity: 5 } },
      reg('send2@example.com'),
    )
    await saveMultipleFiles({ client: spy, profile: r.profile, usernum: r.usernum, password: 'secret' }, [
      { path: 'b.html', bytes: Buffer.from('b') },
    ])
    expect(spy.calls.map((c) => c.method).filter((n) => n.endsWith('MultipleFiles'))).toEqual([
      'xmlStorageSystem.sendMultipleFiles',
    ])
  })
})

describe('uploads', () => {
  it('uses the URLs the server returns: PyCS renames "my file.html"', async () => {
    const m = await member('rename@example.com')
    const saved = await saveMultipleFiles(m, [{ path: 'my file.html', bytes: Buffer.from('x') }])
    expect(saved.files[0].url).toMatch(/\/my@20file\.html$/)
    expect((await httpGet(saved.files[0].url!)).bytes.toString()).toBe('x')
  })

  it('predicts the server’s per-file refusals: size, extension, quota', async () => {
    const m = await member('limits@example.com')
    const files = [
      { path: 'ok.html', bytes: Buffer.alloc(90) },
      { path: 'huge.txt', bytes: Buffer.alloc(101) },
      { path: 'tool.exe', bytes: Buffer.alloc(1) },
      { path: 'over.txt', bytes: Buffer.alloc(61) },
    ]
    const violations = checkLimits(
      files.map((f) => ({ path: f.path, size: f.bytes.length })),
      await getServerCapabilities(m),
    )
    expect(violations.map((v) => `${v.path}:${v.limit}`)).toEqual([
      'huge.txt:maxFileSize',
      'tool.exe:legalFileExtensions',
      'over.txt:quota',
    ])
    const saved = await saveMultipleFiles(m, files)
    expect(saved.files.map((f) => f.ok)).toEqual([true, false, false, false])
    expect(saved.partial).toBe(true)
  })

  it('reports nothing saved as an error, not as a result', async () => {
    const m = await member('none@example.com')
    const e = await saveMultipleFiles(m, [{ path: 'x.exe', bytes: Buffer.alloc(1) }]).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CommunityError)
    expect((e as CommunityError).serverMessage).toMatch(/not allowed/)
  })
})

describe('what the server says is the truth', () => {
  it('keeps capability members no type names', async () => {
    const caps = await getServerCapabilities(await member('caps@example.com'))
    expect(caps.unknown).toEqual({ pycsLikeVersion: '1' })
    expect(caps.community).toMatchObject({ flCanHostComments: true, flPublic: true, name: 'PyCS-like' })
    expect(caps.urlWeblogUpdates).toMatch(/changes\.xml$/)
  })

  it('webHost.put: the returned URL, not the path sent (the server added .html)', async () => {
    await member('page@example.com', 'pw')
    const put = await webHostPut(createXmlRpcClient(pycs.endpoint), {
      username: 'page@example.com',
      password: 'pw',
      bytes: Buffer.from('<p>a</p>'),
      mimeType: 'text/html',
      relativePath: 'about',
    })
    expect(put.url).toMatch(/\/about\.html$/)
    expect((await httpGet(put.url)).bytes.toString()).toBe('<p>a</p>')
  })
})

describe('one error for both channels', () => {
  it('a fault (storage) and an flError struct (discussion) both become CommunityError auth with the server’s words', async () => {
    const m = await member('both@example.com')
    const fault = (await getServerCapabilities({ ...m, password: 'nope' }).catch((x: unknown) => x)) as CommunityError
    const dg = {
      client: createXmlRpcClient(pycs.endpoint),
      dgname: 'pycs',
      username: 'both@example.com',
      password: 'secret',
    }
    const { msgnum } = await newMessage(dg, 'T', 'B', 0)
    const flError = (await editMessage({ ...dg, password: 'nope' }, msgnum).catch((x: unknown) => x)) as CommunityError
    for (const e of [fault, flError]) {
      expect(e).toBeInstanceOf(CommunityError)
      expect(e.toAppError().kind).toBe('auth')
      expect(e.toAppError().message).toContain(e.serverMessage)
    }
    expect([fault.channel, flError.channel]).toEqual(['fault', 'flError'])
    expect(fault.serverMessage).toMatch(/Invalid password/)
    expect(flError.serverMessage).toMatch(/password is incorrect/)
  })

  it('a non-auth refusal is kind fault: PyCS refuses ping categories other than "none"', async () => {
    const e = (await weblogPing(createXmlRpcClient(pycs.endpoint), {
      name: 'w',
      url: 'http://w/',
      category: 'news',
    }).catch((x: unknown) => x)) as CommunityError
    expect(e).toBeInstanceOf(CommunityError)
    expect(e.kind).toBe('fault')
    expect(e.serverMessage).toMatch(/'none' category/)
    await expect(
      weblogPing(createXmlRpcClient(pycs.endpoint), { name: 'w', url: 'http://w/', category: 'none' }),
    ).resolves.toMatchObject({ message: 'Thanks for the ping.' })
  })
})

describe('methods the server lacks', () => {
  it('"method not found" from the server → UnsupportedError, not a crash', async () => {
    const m = await member('unsup@example.com')
    const e = (await getMyDirectory(m).catch((x: unknown) => x)) as UnsupportedError
    expect(e).toBeInstanceOf(UnsupportedError)
    expect(e.reason).toBe('method-not-found')
    expect(e.toAppError()).toEqual({
      kind: 'unsupported',
      message: 'This server does not offer xmlStorageSystem.getMyDirectory.',
      details: { method: 'xmlStorageSystem.getMyDirectory', reason: 'method-not-found' },
    })
    const reg = { notifyProcedure: 'upstream.notify', port: 1, path: '/RPC2', protocol: 'xml-rpc' }
    await expect(pleaseNotify(m, reg, ['http://x/'])).rejects.toBeInstanceOf(UnsupportedError)
  })

  it('absent from system.listMethods → UnsupportedError before anything is sent', async () => {
    const intro = await startPycsLike({ introspection: true })
    try {
      const profile = await detectServerProfile(createXmlRpcClient(intro.endpoint))
      expect(profile.methods).not.toContain('xmlStorageSystem.getMyDirectory')
      const spy = spyClient(createXmlRpcClient(intro.endpoint))
      const e = (await getMyDirectory({ client: spy, profile, usernum: 1, password: 'x' }).catch(
        (x: unknown) => x,
      )) as UnsupportedError
      expect(e.reason).toBe('not-listed')
      expect(spy.calls).toEqual([])
    } finally {
      await intro.close()
    }
  })
})
