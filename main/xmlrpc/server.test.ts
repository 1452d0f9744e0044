import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeResponse } from './decode'
import { encodeCall } from './encode'
import { FaultCodes, XmlRpcFault } from './fault'
import { createXmlRpcServer } from './server'
import { listen, post, type Listening } from './testing/listen'
import { struct, type XmlRpcValue } from './values'

const rpc = createXmlRpcServer({ title: 'Test <server>', maxBodyBytes: 64 * 1024 })
rpc.register('test.add', ([a, b]) => (a as number) + (b as number), {
  signature: [
    ['int', 'int', 'int'],
    ['double', 'double', 'double'],
  ],
  help: 'Adds <two> numbers & returns the sum.',
})
rpc.register('test.echo', (params) => params)
rpc.register('test.fault', () => {
  throw new XmlRpcFault(42, 'the answer is a fault')
})
rpc.register('test.crash', () => {
  throw new Error('disk on fire')
})
rpc.register('test.async', async ([ms]) => new Promise((resolve) => setTimeout(() => resolve('late'), ms as number)))
rpc.register('test.nan', () => NaN)
rpc.register('test.null', () => null)
rpc.register('test.path', (_p, ctx) => ctx.req.url ?? '')

let server: Listening
beforeAll(async () => (server = await listen(rpc)))
afterAll(() => server.close())

async function call(method: string, params: XmlRpcValue[] = []) {
  const res = await post(server.url, encodeCall(method, params))
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
  expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text))
  return decodeResponse(res.text)
}
async function value(method: string, params: XmlRpcValue[] = []) {
  const r = await call(method, params)
  if (r.kind !== 'value') throw new Error(`fault ${r.fault.faultCode}: ${r.fault.faultString}`)
  return r.value
}
async function fault(method: string, params: XmlRpcValue[] = []) {
  const r = await call(method, params)
  if (r.kind !== 'fault') throw new Error('expected a fault')
  return r.fault
}

describe('dispatch', () => {
  it('calls registered methods, sync and async, with the request in the context', async () => {
    expect(await value('test.add', [2, 3])).toBe(5)
    expect(await value('test.async', [5])).toBe('late')
    expect(await value('test.path')).toBe('/RPC2')
  })
  it('answers -32601 for unknown methods and for names that exist on every JS object', async () => {
    for (const name of [
      'no.such',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'test.add.call',
      'test.add.constructor',
      'system.listMethods.apply',
      'register',
      'handle',
    ]) {
      const f = await fault(name)
      expect([name, f.faultCode]).toEqual([name, FaultCodes.methodNotFound])
      expect(f.faultString).toBe(`method "${name}" is not supported`)
    }
  })
  it('passes a fault thrown by a handler through, over HTTP 200', async () => {
    const f = await fault('test.fault')
    expect([f.faultCode, f.faultString]).toEqual([42, 'the answer is a fault'])
  })
  it('answers -32603 for other exceptions, with the message but no stack', async () => {
    const f = await fault('test.crash')
    expect(f.faultCode).toBe(FaultCodes.internalError)
    expect(f.faultString).toBe('internal error: disk on fire')
  })
  it('answers -32603 when a result cannot be sent (NaN, or null without allowNil)', async () => {
    expect(await fault('test.nan')).toMatchObject({
      faultCode: FaultCodes.internalError,
      faultString: expect.stringMatching(/result of test.nan cannot be sent: result: NaN/),
    })
    expect((await fault('test.null')).faultString).toMatch(/null cannot be sent/)
  })
  it('answers -32602 when the signature rules the params out (count, then types)', async () => {
    expect(await fault('test.add', [1])).toMatchObject({
      faultCode: FaultCodes.invalidParams,
      faultString: 'test.add: wrong number of parameters: expected 2, got 1',
    })
    expect(await fault('test.add', [1, 'x'])).toMatchObject({
      faultCode: FaultCodes.invalidParams,
      faultString: 'test.add: parameter 2 must be int, got string',
    })
    expect(await value('test.add', [1.5, 2])).toBe(3.5)
    expect(await value('test.echo', ['any', 3, [true]])).toEqual(['any', 3, [true]])
  })
})

describe('malformed requests', () => {
  it('answers -32700 for XML that is not well formed, with the position', async () => {
    const f = decodeResponse(
      (await post(server.url, '<methodCall><methodName>a</methodName><params></param></methodCall>')).text,
    )
    expect(f.kind === 'fault' && f.fault.faultCode).toBe(FaultCodes.notWellFormed)
    expect(f.kind === 'fault' && f.fault.faultString).toMatch(
      /mismatched tags: expected <\/params>, found <\/param> \(line 1, column 47\)/,
    )
  })
  it('answers -32600 for XML that is not XML-RPC, -32701 for an unknown encoding, -32702 for a bad character', async () => {
    const codes = []
    for (const body of [
      '<foo/>',
      '<?xml version="1.0" encoding="EBCDIC"?><methodCall/>',
      '<methodCall><methodName>a\u0001</methodName></methodCall>',
    ]) {
      const r = decodeResponse((await post(server.url, body)).text)
      codes.push(r.kind === 'fault' && r.fault.faultCode)
    }
    expect(codes).toEqual([FaultCodes.notXmlRpc, FaultCodes.unsupportedEncoding, FaultCodes.invalidCharacter])
  })
  it('refuses a DOCTYPE with -32700', async () => {
    const r = decodeResponse(
      (await post(server.url, '<!DOCTYPE x [<!ENTITY a "b">]><methodCall><methodName>&a;</methodName></methodCall>'))
        .text,
    )
    expect(r.kind === 'fault' && r.fault.faultString).toMatch(/<!DOCTYPE is not allowed/)
  })
})

describe('HTTP', () => {
  it('refuses bodies that are not text/xml or application/xml with 415', async () => {
    const body = encodeCall('test.add', [1, 2])
    expect((await post(server.url, body, 'application/x-www-form-urlencoded')).status).toBe(415)
    expect((await post(server.url, body, 'application/json')).status).toBe(415)
    expect((await post(server.url, body, '')).status).toBe(415)
    expect((await post(server.url, body, 'application/xml; charset=utf-8')).status).toBe(200)
    expect((await post(server.url, body, 'Text/XML')).status).toBe(200)
  })
  it('refuses bodies over maxBodyBytes with 413, by Content-Length or while reading a chunked body', async () => {
    const big = encodeCall('test.echo', ['x'.repeat(70 * 1024)])
    const res = await post(server.url, big)
    expect(res.status).toBe(413)
    expect(res.text).toMatch(/larger than 65536 bytes/)
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(server.url, { method: 'POST', headers: { 'content-type': 'text/xml' } }, (r) => {
        resolve(r.statusCode ?? 0)
        r.resume()
      })
      req.on('error', reject)
      for (let i = 0; i < 8; i++) req.write('x'.repeat(10 * 1024))
      req.end()
    })
    expect(chunked).toBe(413)
  })
  it('answers other verbs with 405 and Allow: POST, GET', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await fetch(server.url, { method })
      expect([method, res.status, res.headers.get('allow')]).toEqual([method, 405, 'POST, GET'])
    }
  })
  it('answers GET with an HTML page documenting the methods, escaped', async () => {
    const res = await fetch(server.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toContain('<title>Test &lt;server&gt;</title>')
    expect(html).toContain('<code>int test.add(int, int)</code><br><code>double test.add(double, double)</code>')
    expect(html).toContain('Adds &lt;two&gt; numbers &amp; returns the sum.')
    expect(html).toContain('<code>test.echo(\u2026)</code>')
    expect(html).toContain('system.multicall')
    expect(html).not.toContain('<two>')
  })
})

describe('system.*', () => {
  it('lists methods, sorted, including the system ones', async () => {
    const names = (await value('system.listMethods')) as string[]
    expect(names).toEqual([...names].sort())
    expect(names).toEqual(
      expect.arrayContaining([
        'system.listMethods',
        'system.methodSignature',
        'system.methodHelp',
        'system.multicall',
        'system.getCapabilities',
        'test.add',
      ]),
    )
    expect(names).toEqual(rpc.listMethods())
  })
  it('gives signatures as an array of arrays, "undef" when unknown, and -32601 for no such method', async () => {
    expect(await value('system.methodSignature', ['test.add'])).toEqual([
      ['int', 'int', 'int'],
      ['double', 'double', 'double'],
    ])
    expect(await value('system.methodSignature', ['test.echo'])).toBe('undef')
    expect((await fault('system.methodSignature', ['nope'])).faultCode).toBe(FaultCodes.methodNotFound)
  })
  it('gives help text, empty when none', async () => {
    expect(await value('system.methodHelp', ['test.add'])).toBe('Adds <two> numbers & returns the sum.')
    expect(await value('system.methodHelp', ['test.echo'])).toBe('')
  })
  it('lists capabilities with spec URLs and versions', async () => {
    const caps = (await value('system.getCapabilities')) as Record<string, { specUrl: string; specVersion: number }>
    expect(Object.keys(caps).sort()).toEqual(['faults_interop', 'introspection', 'system.multicall', 'xmlrpc'])
    expect({ ...caps.faults_interop }).toEqual({
      specUrl: 'http://xmlrpc-epi.sourceforge.net/specs/rfc.fault_codes.php',
      specVersion: 20010516,
    })
    for (const c of Object.values(caps)) expect(c.specUrl).toMatch(/^http/)
  })
  it('runs a multicall in order: results wrapped in one-element arrays, faults as structs in place', async () => {
    const calls = [
      struct({ methodName: 'test.add', params: [1, 2] }),
      struct({ methodName: 'test.fault', params: [] }),
      struct({ methodName: 'no.such', params: [] }),
      struct({ methodName: 'system.multicall', params: [[]] }),
      struct({ methodName: 'test.crash' }),
      struct({ methodName: 'test.nan', params: [] }),
      'not a struct',
      struct({ methodName: 'test.echo', params: 'not an array' }),
      struct({ methodName: 'test.echo', params: ['last'] }),
    ]
    const results = (await value('system.multicall', [calls])) as XmlRpcValue[]
    const plain = results.map((r) => (Array.isArray(r) ? r : { ...(r as object) }))
    expect(plain).toEqual([
      [3],
      { faultCode: 42, faultString: 'the answer is a fault' },
      { faultCode: FaultCodes.methodNotFound, faultString: 'method "no.such" is not supported' },
      { faultCode: FaultCodes.notXmlRpc, faultString: 'system.multicall cannot be nested' },
      { faultCode: FaultCodes.internalError, faultString: 'internal error: disk on fire' },
      {
        faultCode: FaultCodes.internalError,
        faultString: 'internal error: result: NaN cannot be sent (XML-RPC has no NaN or Infinity)',
      },
      { faultCode: FaultCodes.notXmlRpc, faultString: expect.stringMatching(/must be a struct/) },
      { faultCode: FaultCodes.invalidParams, faultString: 'multicall params must be an array' },
      [['last']],
    ])
  })
  it('refuses a multicall whose param is not an array', async () => {
    expect((await fault('system.multicall', ['x'])).faultCode).toBe(FaultCodes.invalidParams)
  })
})

describe('allowNil', () => {
  it('sends null as <nil/> and lists the nil capability', async () => {
    const nilServer = createXmlRpcServer({ allowNil: true })
    nilServer.register('test.null', () => null)
    const s = await listen(nilServer)
    try {
      const res = await post(s.url, encodeCall('test.null', []))
      expect(res.text).toContain('<value><nil/></value>')
      const caps = decodeResponse((await post(s.url, encodeCall('system.getCapabilities', []))).text)
      expect(caps.kind === 'value' && Object.keys(caps.value as object)).toContain('nil')
    } finally {
      await s.close()
    }
  })
})

describe('register', () => {
  it('refuses empty names and non-functions', () => {
    expect(() => rpc.register('', () => 1)).toThrow(TypeError)
    expect(() => rpc.register('x', 'nope' as never)).toThrow(TypeError)
  })
})
