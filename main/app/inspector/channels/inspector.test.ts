import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../../../shared/errors'
import type { MethodInfo } from '../../../../shared/model'
import { SANDBOX_DG, testCore } from '../../testing/test-core'

describe('inspector channels', () => {
  it('methods: names, signatures and help from introspection', async () => {
    const app = await testCore()
    const methods: MethodInfo[] = await app.call('inspector.methods', { accountId: SANDBOX_DG })
    expect(methods.find((m) => m.name === 'mainResponder.discuss.saveMessage')).toEqual({
      name: 'mainResponder.discuss.saveMessage',
      signatures: [['struct', 'string', 'string', 'string', 'string', 'string', 'string']],
      help: expect.stringContaining('body before title'),
    })
    expect(await app.refusal('inspector.methods', { accountId: 'nobody' })).toMatchObject({ kind: 'not-found' })
  })

  it('call: typed-JSON params in, typed JSON out, and the exchange is in the inspector', async () => {
    const app = await testCore()
    const params: JsonValue[] = [7, true, 'text', 2.5, { $dateTime: '19980717T14:08:55' }, { $base64: 'aGk=' }]
    const { result, entryId } = await app.call('inspector.call', {
      accountId: SANDBOX_DG,
      method: 'validator1.manyTypesTest',
      params,
    })
    expect(result).toEqual(params)
    const entry = (await app.call('inspector.list')).find((e) => e.id === entryId)
    expect(entry).toMatchObject({ method: 'validator1.manyTypesTest', account: { id: SANDBOX_DG }, status: 200 })
    expect(entry!.requestXml).toContain('<base64>aGk=</base64>')
  })

  it('call: refusals name the cause; a fault keeps the entry id', async () => {
    const app = await testCore()
    const call = (method: string, params: unknown) =>
      app.refusal('inspector.call', { accountId: SANDBOX_DG, method, params })
    expect(await call('validator1.echoStructTest', [{ $base64: '***' }])).toMatchObject({
      kind: 'invalid-input',
      details: { path: 'params[0].$base64' },
    })
    expect(await call('validator1.echoStructTest', [2 ** 40])).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('$i8'),
    })
    expect(await call('validator1.echoStructTest', 'not a list')).toMatchObject({ details: { field: 'params' } })
    expect(await call('no spaces please', [])).toMatchObject({ details: { field: 'method' } })
    const missing = await call('no.such.method', [])
    expect(missing).toMatchObject({ kind: 'unsupported', details: { entryId: expect.any(Number) } })
    expect(await app.refusal('inspector.call', { accountId: 'nobody', method: 'x', params: [] })).toMatchObject({
      kind: 'not-found',
    })
  })
})
