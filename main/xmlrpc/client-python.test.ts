import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient, type XmlRpcClient } from './client'
import { multicall } from './client-multicall'
import { startPythonServer, type Peer } from './testing/peers/python-peer'
import { XmlRpcFault } from './fault'
import { struct, XmlRpcDateTime, XmlRpcDouble, type XmlRpcValue } from './values'

// Our client against Python's xmlrpc.server (allow_none, introspection, multicall registered).
let peer: Peer
let client: XmlRpcClient

beforeAll(async () => {
  peer = await startPythonServer('basic')
  client = createXmlRpcClient(peer.url, { allowNil: true })
})
afterAll(() => peer.close())

describe('values both ways through Python', () => {
  const cases: [string, XmlRpcValue][] = [
    ['string', 'héllo <&> ]]> "quoted" \'apos\' ✓ 𝄞'],
    ['empty string', ''],
    ['whitespace string', '  two  spaces\n\tand tab '],
    ['int', 2147483647],
    ['negative int', -2147483648],
    ['double', 3.141592653589793],
    ['tiny double', 1e-7],
    ['true', true],
    ['false', false],
    ['nil', null],
    ['empty array', []],
    ['mixed array', [1, 'two', 3.5, false, null, [[]]]],
    ['struct with __proto__ member', struct({ ['__proto__']: 'data', constructor: 1, nested: struct({ a: [1] }) })],
  ]
  for (const [name, value] of cases) {
    it(`echoes ${name}`, async () => {
      expect(await client.call('echo', [value])).toEqual(value)
    })
  }

  it('echoes base64 as the same bytes, empty included', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i)
    expect(Buffer.from((await client.call('echo', [bytes])) as Uint8Array)).toEqual(Buffer.from(bytes))
    expect(Buffer.from((await client.call('echo', [new Uint8Array(0)])) as Uint8Array).byteLength).toBe(0)
  })

  it('echoes a dateTime as the same wall clock', async () => {
    const echoed = (await client.call('echo', [new XmlRpcDateTime(1998, 7, 17, 14, 8, 55)])) as XmlRpcDateTime
    expect(echoed).toBeInstanceOf(XmlRpcDateTime)
    expect([echoed.year, echoed.month, echoed.day, echoed.hour, echoed.minute, echoed.second]).toEqual([
      1998, 7, 17, 14, 8, 55,
    ])
  })

  it('sends an integral XmlRpcDouble as a double (Python adds them as floats)', async () => {
    expect(await client.call('add', [new XmlRpcDouble(2), 1])).toBe(3)
    expect(await client.call('add', [0.1, 0.2])).toBe(0.1 + 0.2)
    // Integral in JavaScript, so it needs the wrapper; Python answers with an exponent.
    expect(await client.call('echo', [new XmlRpcDouble(1.5e300)])).toBe(1.5e300)
  })

  it('reads every type Python emits (with line-broken base64)', async () => {
    const v = (await client.call('types', [])) as XmlRpcValue[]
    expect(v.slice(0, 5)).toEqual([1, 2.5, 2, true, 'x<&>'])
    expect(Buffer.from(v[5] as Uint8Array)).toEqual(Buffer.from('\x00\xffbytes', 'latin1'))
    expect(v[6]).toMatchObject({ year: 1998, month: 7, day: 17, hour: 14, minute: 8, second: 55 })
    expect(v[7]).toBeNull()
    expect(v[8]).toEqual(struct({ a: [1, struct({ b: null })] }))
  })

  it('carries a 3 MB string each way', async () => {
    const big = 'x'.repeat(3_000_000)
    expect(((await client.call('echo', [big])) as string).length).toBe(big.length)
    expect(((await client.call('big', [3_000_000])) as string).length).toBe(3_000_000)
  })
})

describe('faults from Python', () => {
  it('raises XmlRpcFault with the code and string the handler gave', async () => {
    const e = await client.call('fail', [42, 'the answer <is> wrong']).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(XmlRpcFault)
    expect(e).toMatchObject({ faultCode: 42, faultString: 'the answer <is> wrong' })
  })

  it('raises code 1 "is not supported" for an unknown method', async () => {
    const e = await client.call('no.such.method', []).catch((x: unknown) => x)
    expect(e).toMatchObject({ faultCode: 1, faultString: expect.stringContaining('is not supported') })
  })
})

describe('introspection and multicall on Python', () => {
  it('lists methods and reads help', async () => {
    const names = (await client.call('system.listMethods', [])) as string[]
    expect(names).toEqual(expect.arrayContaining(['echo', 'add', 'system.multicall', 'system.methodHelp']))
    expect(await client.call('system.methodHelp', ['add'])).toBe('Adds two numbers.')
  })

  it('multicall returns one result per call, a fault inside in its place', async () => {
    const results = await multicall(client, [
      { method: 'add', params: [2, 3] },
      { method: 'fail', params: [7, 'inner fault'] },
      { method: 'echo', params: [[1, 2]] },
    ])
    expect(results[0]).toEqual({ ok: true, value: 5 })
    expect(results[1]).toMatchObject({ ok: false, fault: { faultCode: 7, faultString: 'inner fault' } })
    expect(results[2]).toEqual({ ok: true, value: [1, 2] })
  })
})
