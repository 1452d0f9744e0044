import { describe, expect, it } from 'vitest'
import { XmlRpcDepthError, XmlRpcParseError } from './codec-errors'
import { decodeCall, decodeResponse } from './decode'
import { encodeResponse } from './encode'
import { decodeValue, errorOf, responseWith, valueOf } from './testing/documents'

// docs/protocols.md §1 "Hostile input": a server is untrusted input (and so is a client, for our server).

describe('entity attacks', () => {
  it('refuses billion laughs at the DOCTYPE, before expanding anything', () => {
    let dtd = '<!ENTITY lol "lol">'
    for (let i = 1; i < 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`
    const doc = `<?xml version="1.0"?><!DOCTYPE lolz [${dtd}]><methodResponse><params><param><value>&lol9;</value></param></params></methodResponse>`
    const started = performance.now()
    const e = errorOf(() => decodeResponse(doc))
    expect(performance.now() - started).toBeLessThan(50)
    expect(e).toBeInstanceOf(XmlRpcParseError)
    expect(e.message).toMatch(/<!DOCTYPE is not allowed/)
    expect([e.line, e.column]).toEqual([1, 22])
  })
  it('refuses an external entity (XXE)', () => {
    const doc =
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<methodCall><methodName>&xxe;</methodName></methodCall>'
    expect(errorOf(() => decodeCall(doc)).message).toMatch(/<!DOCTYPE is not allowed/)
  })
  it('refuses a bare <!ENTITY and entity references that were never declared', () => {
    expect(errorOf(() => decodeResponse('<!ENTITY x "y"><methodResponse/>')).message).toMatch(/<!ENTITY is not allowed/)
    expect(errorOf(() => valueOf('<string>&xxe;</string>')).message).toMatch(/unknown entity &xxe;/)
  })
  it('refuses a DOCTYPE anywhere, even inside an element', () => {
    expect(errorOf(() => valueOf('<string><!DOCTYPE x></string>')).message).toMatch(/<!DOCTYPE is not allowed/)
    expect(errorOf(() => decodeResponse(responseWith('1') + '<!DOCTYPE x>')).message).toMatch(
      /<!DOCTYPE is not allowed/,
    )
  })
})

describe('nesting depth', () => {
  const nestedArrays = (depth: number) =>
    '<array><data><value>'.repeat(depth - 1) + '<int>1</int>' + '</value></data></array>'.repeat(depth - 1)
  it('accepts values nested exactly maxDepth deep (100 by default)', () => {
    let v = valueOf(nestedArrays(100))
    for (let d = 1; d < 100; d++) v = (v as unknown[])[0] as never
    expect(v).toBe(1)
  })
  it('refuses one level more with XmlRpcDepthError, at the offending <value>', () => {
    const e = errorOf(() => valueOf(nestedArrays(101)))
    expect(e).toBeInstanceOf(XmlRpcDepthError)
    expect((e as XmlRpcDepthError).maxDepth).toBe(100)
    expect(e.message).toMatch(/deeper than 100 levels/)
  })
  it('counts structs as well as arrays, and honours a custom maxDepth', () => {
    const structs = (depth: number) =>
      '<struct><member><name>a</name><value>'.repeat(depth - 1) + 'x' + '</value></member></struct>'.repeat(depth - 1)
    expect(() => valueOf(structs(5), { maxDepth: 5 })).not.toThrow()
    expect(errorOf(() => valueOf(structs(6), { maxDepth: 5 }))).toBeInstanceOf(XmlRpcDepthError)
  })
  it('stops a million levels without exhausting the stack', () => {
    const doc = responseWith('<array><data><value>'.repeat(1_000_000))
    expect(errorOf(() => decodeResponse(doc))).toBeInstanceOf(XmlRpcDepthError)
  })
})

describe('prototype pollution', () => {
  it('reads __proto__, constructor and prototype as plain members', () => {
    const s = valueOf(
      '<struct><member><name>__proto__</name><value><struct><member><name>polluted</name><value>yes</value></member></struct></value></member>' +
        '<member><name>constructor</name><value>c</value></member><member><name>hasOwnProperty</name><value>h</value></member></struct>',
    ) as Record<string, unknown>
    expect(Object.getPrototypeOf(s)).toBeNull()
    expect(Object.keys(s)).toEqual(['__proto__', 'constructor', 'hasOwnProperty'])
    expect(Object.getPrototypeOf(s.__proto__)).toBeNull()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(s.constructor).toBe('c')
  })
  it('round-trips a __proto__ member', () => {
    const s = valueOf('<struct><member><name>__proto__</name><value><int>7</int></value></member></struct>') as Record<
      string,
      unknown
    >
    expect(encodeResponse(s as never)).toContain('<name>__proto__</name><value><int>7</int></value>')
  })
})

describe('large values', () => {
  const big = Buffer.alloc(3 * 1024 * 1024 + 1)
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff
  it('decodes a multi-megabyte base64 value exactly (sliced decoding)', () => {
    expect((decodeValue(Buffer.from(encodeResponse(big))) as Buffer).equals(big)).toBe(true)
  })
  it('refuses one stray character in the middle of it, from bytes (the fast path) and from a string', () => {
    const doc = encodeResponse(big).replace('UTF-8', 'ISO-8859-1')
    const mid = doc.length >> 1
    for (const stray of ['*', '-', '_', '=', '\u00e9', '&amp;']) {
      const bad = doc.slice(0, mid) + stray + doc.slice(mid + 1)
      expect(errorOf(() => decodeResponse(Buffer.from(bad, 'latin1'))).message, stray).toMatch(
        /<base64> must hold base64/,
      )
      expect(errorOf(() => decodeResponse(bad)).message, stray).toMatch(/<base64> must hold base64/)
    }
    const control = doc.slice(0, mid) + '\u0001' + doc.slice(mid + 1)
    expect(errorOf(() => decodeResponse(Buffer.from(control, 'latin1'))).faultCode).toBe(-32702)
  })
  it('decodes it line-broken at 76 columns, as Python sends it', () => {
    const wrapped = big.toString('base64').replace(/.{76}/g, '$&\n')
    expect((valueOf(`<base64>${wrapped}</base64>`) as Buffer).equals(big)).toBe(true)
  })
})
