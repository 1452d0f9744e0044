import { afterEach, describe, expect, it } from 'vitest'
import type { Account, ConnectionReport } from '../../../../shared/model'
import { startPycsLike, type PycsLike } from '../../../protocols/testing/start-pycs-like'
import { passwordKey } from '../../../store/secrets'
import { fileSecrets } from '../../../store/secrets-file'
import { SANDBOX_COMMUNITY, SANDBOX_DG, SANDBOX_WEBHOST, testCore } from '../../testing/test-core'

const servers: PycsLike[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

describe('accounts against the Local sandbox', () => {
  it('add (password to the secrets store only) → test (methods, profile kept) → remove', async () => {
    const app = await testCore()
    const member = (await app.call('accounts.list')).find((a) => a.id === SANDBOX_DG)!.username
    const password = await app.sandboxPassword()
    const input = {
      kind: 'discussion' as const,
      name: 'My group',
      url: app.sandboxUrl,
      username: member,
      dgname: 'sandbox',
      password,
    }
    const added: Account = await app.call('accounts.save', input)
    expect(added).toMatchObject({
      kind: 'discussion',
      name: 'My group',
      url: app.sandboxUrl,
      dgname: 'sandbox',
      hasPassword: true,
    })
    expect(JSON.stringify(added) + JSON.stringify(await app.call('accounts.list'))).not.toContain(password)
    expect(await fileSecrets(app.dir).get(passwordKey(added.id))).toBe(password)

    const report: ConnectionReport = await app.call('accounts.test', { id: added.id })
    expect(report).toMatchObject({ ok: true, notes: [expect.stringContaining('Signed in to the group “sandbox”')] })
    expect(report.methods).toContain('mainResponder.discuss.getTopics')
    const stored = (await app.call('accounts.list')).find((a) => a.id === added.id)!
    expect(stored.profile).toMatchObject({ methods: report.methods, detectedAt: expect.any(String) })

    // Editing keeps the password (none typed) and the detected profile.
    expect(
      await app.call('accounts.save', { ...input, id: added.id, name: 'Renamed', password: undefined }),
    ).toMatchObject({ name: 'Renamed', hasPassword: true, profile: { methods: report.methods } })
    await app.call('accounts.save', { ...input, id: added.id, password: 'wrong' })
    expect(await app.call('accounts.test', { id: added.id })).toMatchObject({
      ok: false,
      error: { kind: 'auth', message: expect.stringContaining('password is incorrect') },
    })

    expect(await app.call('accounts.remove', { id: added.id })).toEqual({ removed: true })
    expect((await app.call('accounts.list')).some((a) => a.id === added.id)).toBe(false)
    expect(await fileSecrets(app.dir).get(passwordKey(added.id))).toBeUndefined()
    expect(await app.refusal('accounts.remove', { id: added.id })).toMatchObject({ kind: 'not-found' })
  })

  it('refuses what would not work, naming the field', async () => {
    const app = await testCore()
    const base = { kind: 'webhost' as const, name: 'Host', username: 'me@example.com' }
    expect(await app.refusal('accounts.save', { ...base, url: 'ftp://example.com/RPC2' })).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'url' },
    })
    expect(await app.refusal('accounts.save', { ...base, url: 'javascript:alert(1)' })).toMatchObject({
      details: { field: 'url' },
    })
    expect(await app.refusal('accounts.save', { ...base, url: 'not a url' })).toMatchObject({
      details: { field: 'url' },
    })
    expect(await app.refusal('accounts.save', { ...base, url: 'http://u:p@example.com/RPC2' })).toMatchObject({
      details: { field: 'url' },
    })
    expect(
      await app.refusal('accounts.save', { ...base, kind: 'discussion', url: 'http://example.com/RPC2' }),
    ).toMatchObject({ details: { field: 'dgname' } })
    expect(
      await app.refusal('accounts.save', {
        ...base,
        url: 'http://example.com/RPC2',
        profile: { timeZone: 'Mars/Base' },
      }),
    ).toMatchObject({ details: { field: 'profile.timeZone' } })
    expect(await app.refusal('accounts.save', { ...base, url: 'http://example.com/RPC2', id: 'nope' })).toMatchObject({
      kind: 'not-found',
    })
    // The Local sandbox: renamed and its profile edited, yes; moved, re-membered or removed, no.
    const builtin = (await app.call('accounts.list')).find((a) => a.id === SANDBOX_WEBHOST)!
    expect(
      await app.call('accounts.save', { ...builtin, name: 'My sandbox', profile: { timeZone: '+02:00' } }),
    ).toMatchObject({ name: 'My sandbox', builtin: 'sandbox', profile: { timeZone: '+02:00' } })
    expect(await app.refusal('accounts.save', { ...builtin, url: 'http://example.com/RPC2' })).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'url' },
    })
    expect(await app.refusal('accounts.save', { ...builtin, password: 'new one' })).toMatchObject({
      details: { field: 'password' },
    })
    expect(await app.refusal('accounts.remove', { id: SANDBOX_WEBHOST })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('comes with Upstream'),
    })
    const down: Account = await app.call('accounts.save', { ...base, url: 'http://127.0.0.1:9/RPC2' })
    expect(await app.call('accounts.test', { id: down.id })).toMatchObject({
      ok: false,
      methods: null,
      error: { kind: 'transport' },
    })
  })

  it('a community account: register stores the usernum as returned; test shows capabilities and resources; forgot password mails', async () => {
    const app = await testCore()
    const acct: Account = await app.call('accounts.save', {
      kind: 'community',
      name: 'New weblog',
      url: app.sandboxUrl,
      username: 'new@example.com',
      password: 'pw-123',
    })
    const notYet: ConnectionReport = await app.call('accounts.test', { id: acct.id })
    expect(notYet).toMatchObject({
      ok: true,
      notes: [expect.stringContaining('Not registered yet')],
      initialResources: { commentsPageUrl: expect.any(String) },
    })
    const registered: Account = await app.call('accounts.register', { id: acct.id })
    expect(registered.usernum).toMatch(/^\d{7}$/) // the sandbox answers a string: kept a string
    const report: ConnectionReport = await app.call('accounts.test', { id: acct.id })
    expect(report).toMatchObject({
      ok: true,
      capabilities: { maxFileSize: expect.any(Number), legalFileExtensions: expect.any(Array) },
    })
    expect(await app.call('accounts.forgotPassword', { id: acct.id })).toEqual({ message: expect.any(String) })
    expect(await app.refusal('accounts.register', { id: SANDBOX_DG })).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'accountId' },
    })
    expect(await app.call('accounts.test', { id: SANDBOX_COMMUNITY })).toMatchObject({
      ok: true,
      capabilities: { yourUpstreamFolderUrl: expect.any(String) },
    })
  })
})

describe("accounts against Python's xmlrpc.server (PyCS-like, no introspection)", () => {
  it('methods null with a note; registerUser learns the 5-param form; the int usernum stays an int; no mailPasswordToUser', async () => {
    const app = await testCore()
    const py = await startPycsLike()
    servers.push(py)
    const acct: Account = await app.call('accounts.save', {
      kind: 'community',
      name: 'PyCS',
      url: py.endpoint,
      username: 'ann@example.com',
      password: 'secret',
    })
    const first: ConnectionReport = await app.call('accounts.test', { id: acct.id })
    expect(first).toMatchObject({ ok: true, methods: null })
    expect(first.notes.join(' ')).toMatch(/no introspection/)
    const registered: Account = await app.call('accounts.register', { id: acct.id })
    expect(registered.usernum).toBe(1)
    expect(registered.profile).toMatchObject({ registerUserArity: 5 })
    const report: ConnectionReport = await app.call('accounts.test', { id: acct.id })
    expect(report).toMatchObject({
      ok: true,
      methods: null,
      capabilities: { maxFileSize: 100_000 },
      initialResources: { trackbackPageUrl: expect.any(String) },
    })
    expect(await app.refusal('accounts.forgotPassword', { id: acct.id })).toMatchObject({ kind: 'unsupported' })
    expect(await app.refusal('inspector.methods', { accountId: acct.id })).toMatchObject({
      kind: 'unsupported',
      message: expect.stringContaining('no introspection'),
    })
    expect(await app.call('accounts.remove', { id: acct.id })).toEqual({ removed: true })
    // A group there lists no topics: the picker is told so, in words.
    const dg: Account = await app.call('accounts.save', {
      kind: 'discussion',
      name: 'Py group',
      url: py.endpoint,
      username: 'ann@example.com',
      dgname: 'pycs',
      password: 'secret',
    })
    expect(await app.refusal('discussion.topics', { accountId: dg.id })).toMatchObject({
      kind: 'unsupported',
      message: expect.stringContaining('getTopics'),
    })
  })
})
