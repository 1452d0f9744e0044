import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient, type XmlRpcClient } from './client'
import { multicall } from './client-multicall'
import { introspect } from './client-introspect'
import { startOurServer } from './testing/peers/our-peer'
import type { Peer } from './testing/peers/python-peer'
import { XmlRpcFault } from './fault'
import { struct, XmlRpcI8, type XmlRpcValue } from './values'

// Our client against our own server (server.ts): the extensions only we both speak, and multicall.
let peer: Peer
let client: XmlRpcClient
beforeAll(async () => {
  peer = await startOurServer((s) => {
    s.register('echo', ([v]) => v, { help: 'Returns its argument.' })
    s.register('fail', ([code, text]) => {
      throw new XmlRpcFault(code as number, text as string)
    })
  })
  client = createXmlRpcClient(peer.url, { allowNil: true })
})
afterAll(() => peer.close())

describe('client ↔ our server', () => {
  it('carries nil and i8 past 2^53 (as bigint)', async () => {
    expect(await client.call('echo', [null])).toBeNull()
    expect(await client.call('echo', [new XmlRpcI8(9007199254740993n)])).toBe(9007199254740993n)
    expect(await client.call('echo', [struct({ big: new XmlRpcI8(-(2n ** 63n)) })])).toEqual(
      struct({ big: -(2n ** 63n) }),
    )
  })

  it('multicall: results in order, a fault in its place, nested multicall refused per call', async () => {
    const r = await multicall(client, [
      { method: 'echo', params: ['a'] },
      { method: 'fail', params: [9, 'nine'] },
      { method: 'system.multicall', params: [[]] },
      { method: 'echo', params: [[1, 2] as XmlRpcValue] },
    ])
    expect(r[0]).toEqual({ ok: true, value: 'a' })
    expect(r[1]).toMatchObject({ ok: false, fault: { faultCode: 9, faultString: 'nine' } })
    expect(r[2]).toMatchObject({ ok: false })
    expect(r[3]).toEqual({ ok: true, value: [1, 2] })
  })

  it('introspects names, help and the system methods', async () => {
    const methods = await introspect(client)
    expect(methods.find((m) => m.name === 'echo')).toEqual({
      name: 'echo',
      signatures: null,
      help: 'Returns its argument.',
    })
    expect(methods.map((m) => m.name)).toEqual(
      expect.arrayContaining(['system.listMethods', 'system.multicall', 'system.getCapabilities']),
    )
  })
})
