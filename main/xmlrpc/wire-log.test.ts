import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient } from './client'
import { closedPort } from './testing/peers/http-peer'
import { startPythonServer, type Peer } from './testing/peers/python-peer'
import { WIRE_XML_CAP, type WireEntry } from './wire-log'

let peer: Peer
beforeAll(async () => {
  peer = await startPythonServer('basic')
})
afterAll(() => peer.close())

describe('wire entries', () => {
  it('record method, URL, status, timing and exact byte counts, with increasing ids', async () => {
    const wire: WireEntry[] = []
    const client = createXmlRpcClient(peer.url, { onWire: (e) => wire.push(e) })
    await client.call('echo', ['ü'])
    await client.call('add', [1, 2])
    const [a, b] = wire
    expect(a).toMatchObject({ method: 'echo', url: peer.url, status: 200 })
    expect(a.requestBytes).toBe(Buffer.byteLength(a.requestXml, 'utf8'))
    expect(a.responseBytes).toBe(Buffer.byteLength(a.responseXml, 'utf8'))
    expect(a.ms).toBeGreaterThanOrEqual(0)
    expect(Date.parse(a.startedAt)).toBeLessThanOrEqual(Date.now())
    expect(b.id).toBeGreaterThan(a.id)
    expect(a.error).toBeUndefined()
  })

  it('cut big documents to the cap, and count the whole', async () => {
    const wire: WireEntry[] = []
    await createXmlRpcClient(peer.url, { onWire: (e) => wire.push(e) }).call('big', [WIRE_XML_CAP * 2])
    expect(wire[0].responseBytes).toBeGreaterThan(WIRE_XML_CAP * 2)
    expect(wire[0].responseXml.length).toBeLessThan(WIRE_XML_CAP + 100)
    expect(wire[0].responseXml).toMatch(/…\[\d+ more characters not kept\]$/)
  })

  it('record the error of a failed call, and a broken consumer does not break the call', async () => {
    const wire: WireEntry[] = []
    const port = await closedPort()
    await createXmlRpcClient(`http://u:hunter2@127.0.0.1:${port}/RPC2`, { onWire: (e) => wire.push(e) })
      .call('m', [])
      .catch(() => {})
    expect('status' in wire[0]).toBe(false)
    expect(wire[0]).toMatchObject({
      responseBytes: 0,
      error: expect.stringMatching(/^TransportError: Connection to 127\.0\.0\.1:\d+ refused/),
    })
    expect(JSON.stringify(wire)).not.toContain('hunter2')
    const throwing = createXmlRpcClient(peer.url, {
      onWire: () => {
        throw new Error('log is full')
      },
    })
    expect(await throwing.call('add', [2, 2])).toBe(4)
  })
})
