import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyFault, faultKindOf } from './classify-fault'
import { createXmlRpcClient, type XmlRpcClient } from './client'
import { startNpmServer } from './testing/peers/npm-peer'
import type { Peer } from './testing/peers/python-peer'
import { TransportError } from './errors'
import { XmlRpcFault } from './fault'
import { struct, type XmlRpcValue } from './values'

// Our client against the `xmlrpc` npm package's server (the JavaScript interop peer).
let peer: Peer
let client: XmlRpcClient
beforeAll(async () => {
  peer = await startNpmServer()
  client = createXmlRpcClient(peer.url)
})
afterAll(() => peer.close())

describe('the xmlrpc npm server', () => {
  const cases: [string, XmlRpcValue][] = [
    ['string', 'a <b> & "c" ✓'],
    ['int', -42],
    ['double', 2.75],
    ['boolean', true],
    ['array', [1, 'x', [false]]],
    ['struct', struct({ a: 1, b: struct({ c: 'd' }) })],
  ]
  for (const [name, value] of cases) {
    it(`echoes ${name}`, async () => {
      expect(await client.call('echo', [value])).toEqual(value)
    })
  }

  it('echoes base64 bytes', async () => {
    const bytes = Uint8Array.from([0, 1, 254, 255])
    expect(Buffer.from((await client.call('echo', [bytes])) as Uint8Array)).toEqual(Buffer.from(bytes))
  })

  it('adds', async () => {
    expect(await client.call('add', [2, 3])).toBe(5)
  })

  it('turns its fault into XmlRpcFault', async () => {
    const e = await client.call('fail', [-32500, 'app broke']).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(XmlRpcFault)
    expect(e).toMatchObject({ faultCode: -32500, faultString: 'app broke' })
  })

  it('answers an unknown method with a bare 404, which classifies as method-not-found', async () => {
    const e = await client.call('nope', []).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TransportError)
    expect(e).toMatchObject({ code: 'http', status: 404, bodyStart: '' })
    expect(classifyFault({ httpStatus: (e as TransportError).status ?? 0 })).toBe('method-not-found')
    expect(faultKindOf(e)).toBe('method-not-found')
  })
})
