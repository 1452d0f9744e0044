import { afterEach, describe, expect, it } from 'vitest'
import { createXmlRpcClient } from './client'
import { multicall } from './client-multicall'
import { readRequest, startHttp, type HttpPeer } from './testing/peers/http-peer'
import { decodeCall } from './decode'
import { encodeResponse } from './encode'
import { ProtocolError } from './errors'
import { struct, type XmlRpcValue } from './values'

// Servers that answer system.multicall their own way (OpenACS, old Perl RPC::XML do not wrap).
let peer: HttpPeer | undefined
afterEach(() => peer?.close())

async function answering(answer: (calls: XmlRpcValue[]) => XmlRpcValue) {
  peer = await startHttp(async (req, res) => {
    const call = decodeCall(await readRequest(req))
    res.writeHead(200, { 'Content-Type': 'text/xml' })
    res.end(encodeResponse(answer(call.params[0] as XmlRpcValue[])))
  })
  return createXmlRpcClient(peer.url)
}

const fault = struct({ faultCode: 3, faultString: 'no' })

describe('multicall answers', () => {
  it('reads unwrapped results', async () => {
    const client = await answering(() => [5, 'x', fault])
    expect(
      await multicall(client, [
        { method: 'a', params: [] },
        { method: 'b', params: [] },
        { method: 'c', params: [] },
      ]),
    ).toEqual([
      { ok: true, value: 5 },
      { ok: true, value: 'x' },
      { ok: false, fault: expect.objectContaining({ faultCode: 3, faultString: 'no' }) },
    ])
  })

  it('reads wrapped results, an array result included', async () => {
    const client = await answering(() => [[[1, 2]], fault, ['s']])
    const r = await multicall(client, [
      { method: 'a', params: [] },
      { method: 'b', params: [] },
      { method: 'c', params: [] },
    ])
    expect(r.map((x) => (x.ok ? x.value : 'fault'))).toEqual([[1, 2], 'fault', 's'])
  })

  it('sends one struct per call, methodName and params', async () => {
    let seen: XmlRpcValue[] = []
    const client = await answering((calls) => ((seen = calls), calls.map(() => [true])))
    await multicall(client, [{ method: 'x.y', params: [1, 'two'] }])
    expect(seen).toEqual([struct({ methodName: 'x.y', params: [1, 'two'] })])
  })

  it('a result count that does not match is a protocol error', async () => {
    const client = await answering(() => [[1]])
    await expect(
      multicall(client, [
        { method: 'a', params: [] },
        { method: 'b', params: [] },
      ]),
    ).rejects.toBeInstanceOf(ProtocolError)
  })
})
