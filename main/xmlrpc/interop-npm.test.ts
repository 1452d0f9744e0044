import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeCall } from './decode'
import { encodeResponse } from './encode'
import { createXmlRpcServer } from './server'
import { errorOf } from './testing/documents'
import { listen, type Listening } from './testing/listen'
import { npmCall, npmDecodeResponse, npmSerializer, npmXmlRpc, type NpmXmlRpcClient } from './testing/npm-xmlrpc'
import { registerValidator1 } from './validator1'
import { struct, XmlRpcDateTime, XmlRpcDouble } from './values'

// The `xmlrpc` npm package, a real peer: its client calling our server, its serializer's bytes
// read by our decoder, and our bytes read by its deserializer.

const rpc = createXmlRpcServer()
registerValidator1(rpc)
let server: Listening
let client: NpmXmlRpcClient
beforeAll(async () => {
  server = await listen(rpc)
  client = npmXmlRpc.createClient({ host: '127.0.0.1', port: server.port, path: '/RPC2' })
})
afterAll(() => server.close())

describe('the xmlrpc npm client calling our server', () => {
  it('passes the validator1 methods', async () => {
    expect(
      await npmCall(client, 'validator1.arrayOfStructsTest', [
        [
          { moe: 1, larry: 2, curly: 3 },
          { moe: 1, larry: 2, curly: 4 },
          { moe: 0, larry: 0 },
        ],
      ]),
    ).toBe(7)
    expect(await npmCall(client, 'validator1.countTheEntities', ['<<>&\'"]]>'])).toEqual({
      ctLeftAngleBrackets: 2,
      ctRightAngleBrackets: 2,
      ctAmpersands: 1,
      ctApostrophes: 1,
      ctQuotes: 1,
    })
    expect(await npmCall(client, 'validator1.easyStructTest', [{ moe: 1, larry: 2, curly: 3 }])).toBe(6)
    const echo = { a: [1, 'two', 3.5, false], b: { c: 'd' }, e: '' }
    expect(await npmCall(client, 'validator1.echoStructTest', [echo])).toEqual(echo)
    const when = new Date(2024, 1, 29, 23, 59, 58)
    const many = (await npmCall(client, 'validator1.manyTypesTest', [
      17,
      true,
      'str',
      2.5,
      when,
      Buffer.from('bytes'),
    ])) as unknown[]
    expect(many).toEqual([17, true, 'str', 2.5, when, Buffer.from('bytes')])
    const strings = Array.from({ length: 150 }, (_, i) => `s${i}`)
    expect(await npmCall(client, 'validator1.moderateSizeArrayCheck', [strings])).toBe('s0s149')
    expect(
      await npmCall(client, 'validator1.nestedStructTest', [
        { '2000': { '04': { '01': { moe: 1, larry: 2, curly: 3 } } } },
      ]),
    ).toBe(6)
    expect(await npmCall(client, 'validator1.simpleStructReturnTest', [3])).toEqual({
      times10: 30,
      times100: 300,
      times1000: 3000,
    })
  })
  it('gets faults it can read: unknown method, bad params', async () => {
    await expect(npmCall(client, 'no.such', [])).rejects.toMatchObject({
      faultCode: -32601,
      faultString: 'method "no.such" is not supported',
    })
    await expect(npmCall(client, 'validator1.easyStructTest', [1, 2])).rejects.toMatchObject({ faultCode: -32602 })
  })
  it('introspects and multicalls', async () => {
    expect(await npmCall(client, 'system.listMethods', [])).toEqual(rpc.listMethods())
    const results = await npmCall(client, 'system.multicall', [
      [
        { methodName: 'validator1.easyStructTest', params: [{ moe: 1, larry: 1, curly: 1 }] },
        { methodName: 'nope', params: [] },
      ],
    ])
    expect(results).toEqual([[3], { faultCode: -32601, faultString: 'method "nope" is not supported' }])
  })
})

describe('bytes written by the xmlrpc npm serializer', () => {
  it('are read by our decoder: CDATA split around "]]>", dates, nil, empty strings', () => {
    const when = new Date(2024, 0, 2, 3, 4, 5)
    const xml = npmSerializer.serializeMethodCall('a.b', [
      'x<&]]>y',
      '<b>',
      1,
      1.5,
      true,
      when,
      Buffer.from('hi'),
      [1, { k: null }],
      '',
    ])
    expect(xml).toContain('<![CDATA[x<&]]]]><![CDATA[>y]]>')
    const { method, params } = decodeCall(xml)
    expect(method).toBe('a.b')
    expect(params.slice(0, 5)).toEqual(['x<&]]>y', '<b>', 1, 1.5, true])
    expect(params[5]).toEqual(new XmlRpcDateTime(2024, 1, 2, 3, 4, 5))
    expect(params[6]).toEqual(Buffer.from('hi'))
    expect(JSON.stringify(params[7])).toBe('[1,{"k":null}]')
    expect(params[8]).toBe('')
  })
  it('including its garbage, which we refuse: <int>1e+21</int>', () => {
    const xml = npmSerializer.serializeMethodCall('a', [1e21])
    expect(xml).toContain('<int>1e+21</int>')
    expect(errorOf(() => decodeCall(xml)).message).toMatch(/<int> must hold an integer, not "1e\+21"/)
  })
})

describe('bytes written by our encoder', () => {
  it('are read by the xmlrpc npm deserializer', async () => {
    const value = struct({
      s: 'a]]>b <&>',
      n: 5,
      d: new XmlRpcDouble(1e21),
      b: Buffer.from([0, 255]),
      t: new XmlRpcDateTime(2024, 5, 6, 7, 8, 9),
      list: [true, struct({})],
    })
    const decoded = (await npmDecodeResponse(Buffer.from(encodeResponse(value)))) as Record<string, unknown>
    expect(decoded.s).toBe('a]]>b <&>')
    expect(decoded.n).toBe(5)
    expect(decoded.d).toBe(1e21)
    expect(decoded.b).toEqual(Buffer.from([0, 255]))
    expect((decoded.t as Date).getTime()).toBe(new Date(2024, 4, 6, 7, 8, 9).getTime())
    expect(decoded.list).toEqual([true, {}])
  })
})
