import { describe, expect, it } from 'vitest'
import { struct } from '../xmlrpc/values'
import { extendedPing, weblogPing, weblogUpdatesEndpoint } from './weblog-updates'
import { fakeClient } from './testing/fake-client'

describe('weblogUpdates', () => {
  it('builds the ping endpoint from the capabilities’ weblogUpdates struct', () => {
    expect(
      weblogUpdatesEndpoint({
        server: 'rpc.weblogs.com',
        port: 80,
        protocol: 'xml-rpc',
        rpcPath: '/RPC2',
        members: struct(),
      }),
    ).toBe('http://rpc.weblogs.com/RPC2')
    expect(weblogUpdatesEndpoint({ server: '127.0.0.1', port: 5337, rpcPath: 'RPC2', members: struct() })).toBe(
      'http://127.0.0.1:5337/RPC2',
    )
    expect(weblogUpdatesEndpoint({ server: 'x', protocol: 'soap', members: struct() })).toBeNull()
    expect(weblogUpdatesEndpoint({ server: 'evil/path?', members: struct() })).toBeNull()
    expect(weblogUpdatesEndpoint(undefined)).toBeNull()
  })

  it('sends only the params given, with the weblog URL standing in for a missing changes URL', async () => {
    const { client, calls } = fakeClient({ 'weblogUpdates.ping': struct({ flerror: false, message: 'ok' }) })
    await weblogPing(client, { name: 'n', url: 'u' })
    await weblogPing(client, { name: 'n', url: 'u', category: 'none' })
    expect(calls.map((c) => c.params)).toEqual([
      ['n', 'u'],
      ['n', 'u', 'u', 'none'],
    ])
  })

  it('falls back from extendedPing to ping only when the method is missing', async () => {
    const missing = fakeClient({
      'weblogUpdates.extendedPing': () => {
        throw new Error('x')
      },
      'weblogUpdates.ping': struct({ flerror: false, message: 'ok' }),
    })
    // Any error but "method not found" is not a reason to ping instead.
    await expect(extendedPing(missing.client, { name: 'n', url: 'u', changesUrl: 'c', feedUrl: 'f' })).rejects.toThrow(
      'x',
    )
    expect(missing.calls.map((c) => c.method)).toEqual(['weblogUpdates.extendedPing'])
  })
})
