import { describe, expect, it } from 'vitest'
import { defaultProfile } from '../../shared/server-profile'
import { ProtocolError, TransportError } from '../xmlrpc/errors'
import { XmlRpcFault } from '../xmlrpc/fault'
import { struct } from '../xmlrpc/values'
import { callForStruct } from './call-server'
import { CommunityError } from './community-error'
import { deleteMultipleFiles } from './delete-multiple-files'
import { saveMultipleFiles } from './save-multiple-files'
import { UnsupportedError } from './unsupported'
import { weblogPing } from './weblog-updates'
import { fakeClient } from './testing/fake-client'

// Shapes real servers send that our peers don't: spellings, untyped values, HTTP 404.
const profile = defaultProfile()

describe('flError and faults', () => {
  it('reads flError in any case and any truthy spelling', async () => {
    for (const flag of [true, 1, '1', 'true', 'TRUE']) {
      const { client } = fakeClient({ m: struct({ FLERROR: flag, message: 'nope' }) })
      await expect(callForStruct(client, profile, 'm', [])).rejects.toMatchObject({
        name: 'CommunityError',
        serverMessage: 'nope',
        channel: 'flError',
      })
    }
  })

  it('tolerates weblogs.com’s untyped "0" flerror', async () => {
    const { client } = fakeClient({ 'weblogUpdates.ping': struct({ flerror: '0', message: 'Thanks for the ping.' }) })
    await expect(weblogPing(client, { name: 'w', url: 'http://w/' })).resolves.toMatchObject({
      message: 'Thanks for the ping.',
    })
  })

  it('turns a fault into CommunityError with the code and words kept', async () => {
    const { client } = fakeClient({
      m: () => {
        throw new XmlRpcFault(1, "<class 'Exception'>:Disk full")
      },
    })
    const e = (await callForStruct(client, profile, 'm', []).catch((x: unknown) => x)) as CommunityError
    expect(e).toBeInstanceOf(CommunityError)
    expect(e.toAppError()).toMatchObject({
      kind: 'fault',
      details: { faultCode: 1, channel: 'fault', serverMessage: "<class 'Exception'>:Disk full" },
    })
  })

  it('treats "method not found" by code, text or HTTP 404 as unsupported', async () => {
    const answers = [
      () => {
        throw new XmlRpcFault(-32601, 'server error. requested method m does not exist.')
      },
      () => {
        throw new XmlRpcFault(1, '<class \'Exception\'>:method "m" is not supported')
      },
      () => {
        throw new TransportError('http', 'HTTP 404', { status: 404 })
      },
    ]
    const reasons = []
    for (const a of answers) {
      const { client } = fakeClient({ m: a })
      const e = await callForStruct(client, profile, 'm', []).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(UnsupportedError)
      reasons.push((e as UnsupportedError).reason)
    }
    // A 404 may also mean a wrong endpoint URL: the message says so.
    expect(reasons).toEqual(['method-not-found', 'method-not-found', 'http-404'])
  })

  it('passes transport errors through and calls a non-struct answer a protocol error', async () => {
    const down = fakeClient({
      m: () => {
        throw new TransportError('refused', 'refused')
      },
    })
    await expect(callForStruct(down.client, profile, 'm', [])).rejects.toBeInstanceOf(TransportError)
    const odd = fakeClient({ m: 'a string' })
    await expect(callForStruct(odd.client, profile, 'm', [])).rejects.toBeInstanceOf(ProtocolError)
  })
})

describe('multi-file answers', () => {
  const member = (answers: Parameters<typeof fakeClient>[0]) => ({
    ...fakeClient(answers),
    profile: defaultProfile(),
    usernum: '0122027',
    password: 'pw',
  })

  it('reads a lowercase urllist, and keeps the usernum’s type on the wire', async () => {
    const m = member({
      'xmlStorageSystem.saveMultipleFiles': struct({
        flerror: true,
        message: 'b too big',
        urllist: ['http://s/a', ''],
      }),
    })
    const r = await saveMultipleFiles(m, [
      { path: 'a', bytes: Buffer.from('a') },
      { path: 'b', bytes: Buffer.from('b') },
    ])
    expect(r.files).toEqual([
      { path: 'a', url: 'http://s/a', ok: true },
      { path: 'b', url: null, ok: false },
    ])
    expect(r.partial).toBe(true)
    expect(m.calls[0].params[0]).toBe('0122027')
    // Bytes, so the engine sends <base64> (PyCS fails on non-ASCII <string> bodies).
    expect((m.calls[0].params[3] as unknown[]).every((b) => b instanceof Uint8Array)).toBe(true)
  })

  it('without a urlList, flError false means every file saved (URLs unknown)', async () => {
    const m = member({ 'xmlStorageSystem.saveMultipleFiles': struct({ flError: false, message: '' }) })
    const r = await saveMultipleFiles(m, [{ path: 'a', bytes: Buffer.from('a') }])
    expect(r.files).toEqual([{ path: 'a', url: null, ok: true }])
  })

  it('reads errorList per file', async () => {
    const m = member({
      'xmlStorageSystem.deleteMultipleFiles': struct({
        flError: true,
        message: 'b: locked',
        errorList: ['', 'b: locked'],
      }),
    })
    const r = await deleteMultipleFiles(m, ['a', 'b'])
    expect(r.files).toEqual([
      { path: 'a', ok: true, error: null },
      { path: 'b', ok: false, error: 'b: locked' },
    ])
  })

  it('gives up on the fallback when listMethods shows neither upload name', async () => {
    const m = { ...member({}), profile: { ...defaultProfile(), methods: ['xmlStorageSystem.registerUser'] } }
    await expect(saveMultipleFiles(m, [])).rejects.toThrow(
      'This server does not offer xmlStorageSystem.saveMultipleFiles.',
    )
    expect(m.calls).toEqual([])
  })
})
