import { describe, expect, it } from 'vitest'
import { XmlRpcEncodeError } from './codec-errors'
import { decodeCall, decodeResponse } from './decode'
import { encodeCall, encodeFault, encodeResponse } from './encode'
import { errorOf } from './testing/documents'
import { struct, XmlRpcDateTime, XmlRpcDouble, XmlRpcI8, type XmlRpcValue } from './values'

// docs/protocols.md §1, the "emit" column, row by row.
const DECL = '<?xml version="1.0" encoding="UTF-8"?>'
/** The XML of one value as encodeResponse writes it. */
const xml = (v: XmlRpcValue, allowNil = false) =>
  encodeResponse(v, { allowNil }).slice(
    DECL.length + '<methodResponse><params><param>'.length,
    -'</param></params></methodResponse>'.length,
  )

describe('envelopes', () => {
  it('writes a call with the UTF-8 declaration, method name and params', () => {
    expect(encodeCall('examples.getStateName', [41])).toBe(
      `${DECL}<methodCall><methodName>examples.getStateName</methodName><params><param><value><int>41</int></value></param></params></methodCall>`,
    )
    expect(encodeCall('system.listMethods', [])).toBe(
      `${DECL}<methodCall><methodName>system.listMethods</methodName><params></params></methodCall>`,
    )
  })
  it('writes a response and a fault', () => {
    expect(encodeResponse('ok')).toBe(
      `${DECL}<methodResponse><params><param><value><string>ok</string></value></param></params></methodResponse>`,
    )
    expect(encodeFault(4, 'Too <many>')).toBe(
      `${DECL}<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>4</int></value></member><member><name>faultString</name><value><string>Too &lt;many&gt;</string></value></member></struct></value></fault></methodResponse>`,
    )
  })
  it('always sends a fault message, replacing what XML cannot carry', () => {
    const r = decodeResponse(encodeFault(-32603, 'bad \u0000 \uD800 end'))
    expect(r.kind === 'fault' && r.fault.faultString).toBe('bad \uFFFD \uFFFD end')
    expect(() => encodeFault(1.5, 'x')).toThrow(XmlRpcEncodeError)
  })
  it('refuses an empty method name', () => {
    expect(() => encodeCall('', [])).toThrow(/methodName: the method name must be a non-empty string/)
  })
})

describe('values', () => {
  it('always writes <string>, escaping &, < and > (so "]]>" is safe) and \\r', () => {
    expect(xml('')).toBe('<value><string></string></value>')
    expect(xml('a & b <c> ]]> "q" \'a\'')).toBe('<value><string>a &amp; b &lt;c&gt; ]]&gt; "q" \'a\'</string></value>')
    expect(xml('line\r\nend')).toBe('<value><string>line&#13;\nend</string></value>')
    expect(xml('caf\u00e9 \u{1F600}')).toBe('<value><string>caf\u00e9 \u{1F600}</string></value>')
  })
  it('writes <int> within ±2^31 and refuses larger integers as int', () => {
    expect(xml(2147483647)).toBe('<value><int>2147483647</int></value>')
    expect(xml(-2147483648)).toBe('<value><int>-2147483648</int></value>')
    expect(errorOf(() => encodeResponse(2147483648)).message).toBe(
      'result: 2147483648 is outside the <int> range (±2^31): send it as XmlRpcI8/bigint or XmlRpcDouble',
    )
  })
  it('writes <i8> for bigint and XmlRpcI8, within 64 bits', () => {
    expect(xml(9007199254740993n)).toBe('<value><i8>9007199254740993</i8></value>')
    expect(xml(new XmlRpcI8(-5n))).toBe('<value><i8>-5</i8></value>')
    expect(() => xml(2n ** 63n)).toThrow(/outside the <i8> range/)
  })
  it('writes booleans as 0 and 1', () => {
    expect(xml(true)).toBe('<value><boolean>1</boolean></value>')
    expect(xml(false)).toBe('<value><boolean>0</boolean></value>')
  })
  it('writes doubles as plain decimals, never with an exponent', () => {
    expect(xml(1.5)).toBe('<value><double>1.5</double></value>')
    expect(xml(new XmlRpcDouble(2))).toBe('<value><double>2.0</double></value>')
    expect(xml(new XmlRpcDouble(1e20))).toBe('<value><double>100000000000000000000.0</double></value>')
    expect(xml(1e-7)).toBe('<value><double>0.0000001</double></value>')
    expect(xml(-1.25e-10)).toBe('<value><double>-0.000000000125</double></value>')
    expect(xml(new XmlRpcDouble(-0))).toBe('<value><double>-0.0</double></value>')
    expect(xml(new XmlRpcDouble(1.7976931348623157e308))).toMatch(
      /^<value><double>17976931348623157(0){292}\.0<\/double><\/value>$/,
    )
  })
  it('refuses NaN and Infinity', () => {
    expect(errorOf(() => encodeResponse(NaN)).message).toBe(
      'result: NaN cannot be sent (XML-RPC has no NaN or Infinity)',
    )
    expect(() => encodeResponse(new XmlRpcDouble(-Infinity))).toThrow(/-Infinity cannot be sent/)
  })
  it('writes dateTime as YYYYMMDDTHH:MM:SS exactly, without zone or fraction', () => {
    expect(xml(new XmlRpcDateTime(1998, 7, 17, 14, 8, 55, '25', 'Z'))).toBe(
      '<value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value>',
    )
    expect(xml(new XmlRpcDateTime(5, 1, 2, 3, 4, 5))).toBe(
      '<value><dateTime.iso8601>00050102T03:04:05</dateTime.iso8601></value>',
    )
    expect(xml(new XmlRpcDateTime(0, 0, 0, 0, 0, 0))).toBe(
      '<value><dateTime.iso8601>00000000T00:00:00</dateTime.iso8601></value>',
    )
    expect(() => xml(new XmlRpcDateTime(2023, 2, 29, 0, 0, 0))).toThrow(/day 29 does not exist/)
    expect(() => xml(new XmlRpcDateTime(10000, 1, 1, 0, 0, 0))).toThrow(/year 10000/)
  })
  it('writes base64 on one line', () => {
    expect(xml(Buffer.from('hello'))).toBe('<value><base64>aGVsbG8=</base64></value>')
    expect(xml(new Uint8Array(100).subarray(10, 13))).toBe('<value><base64>AAAA</base64></value>')
    expect(xml(new Uint8Array(0))).toBe('<value><base64></base64></value>')
    expect(xml(Buffer.alloc(1000, 1))).not.toMatch(/\s/)
  })
  it('writes structs with escaped member names, and arrays', () => {
    expect(xml(struct({ 'a<b': 1, ['__proto__']: 'p' }))).toBe(
      '<value><struct><member><name>a&lt;b</name><value><int>1</int></value></member><member><name>__proto__</name><value><string>p</string></value></member></struct></value>',
    )
    expect(xml([])).toBe('<value><array><data></data></array></value>')
    expect(xml([1, ['x']])).toBe(
      '<value><array><data><value><int>1</int></value><value><array><data><value><string>x</string></value></data></array></value></data></array></value>',
    )
  })
  it('writes <nil/> only when allowed', () => {
    expect(xml(null, true)).toBe('<value><nil/></value>')
    expect(errorOf(() => encodeResponse(null)).message).toMatch(/^result: null cannot be sent: <nil\/> is off/)
  })
})

describe('refusals name the path', () => {
  const call = (params: unknown[]) => errorOf(() => encodeCall('m', params as XmlRpcValue[]))
  it('for NaN deep inside params', () => {
    const e = call(['ok', struct({ tags: ['a', 'b', 'c', NaN] })])
    expect(e).toBeInstanceOf(XmlRpcEncodeError)
    expect(e.message).toBe('params[1].tags[3]: NaN cannot be sent (XML-RPC has no NaN or Infinity)')
  })
  it('for undefined, functions and symbols', () => {
    expect(call([{ a: undefined }]).message).toBe('params[0].a: undefined cannot be sent')
    expect(call([[() => 1]]).message).toBe('params[0][0]: a function cannot be sent')
    expect(call([Symbol('s')]).message).toBe('params[0]: a symbol cannot be sent')
    // eslint-disable-next-line no-sparse-arrays -- a hole is what this case sends
    expect(call([[1, , 3]]).message).toBe('params[0][1]: undefined cannot be sent')
  })
  it('for control characters and lone surrogates, in values and member names', () => {
    expect(call(['ok', 'bell\u0007']).message).toBe(
      'params[1]: the control character U+0007 at index 4 cannot be sent in XML',
    )
    expect(call([{ 'we ird': '\uDC00' }]).message).toBe(
      'params[0]["we ird"]: a lone surrogate (broken UTF-16) cannot be sent in XML',
    )
    expect(call([{ 'x\u0000': 1 }]).message).toMatch(/^params\[0\]\["x\\u0000"\]: the control character U\+0000/)
    expect(call(['\uFFFF']).message).toMatch(/U\+FFFF/)
  })
  it('for objects that are not plain: Date, Map, class instances', () => {
    expect(call([new Date()]).message).toBe(
      'params[0]: a Date cannot be sent (only plain objects become structs; use XmlRpcDateTime)',
    )
    expect(call([new Map()]).message).toMatch(/a Map cannot be sent/)
    expect(call([new (class Post {})()]).message).toMatch(/a Post cannot be sent/)
  })
  it('for cycles', () => {
    const a: unknown[] = [1]
    a.push({ again: a })
    expect(call([a]).message).toBe('params[0][1].again: a cycle: this value contains itself')
  })
  it('but not for a value that appears twice without a cycle', () => {
    const shared = ['x']
    expect(decodeCall(encodeCall('m', [[shared, shared]])).params).toEqual([[['x'], ['x']]])
  })
})
