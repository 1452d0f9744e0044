import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeResponse } from './decode'
import { encodeResponse } from './encode'
import { struct, XmlRpcDateTime, XmlRpcDouble, XmlRpcI8, type XmlRpcValue } from './values'
import { fromTypedJson, parseTypedJson, toTypedJson, TypedJsonError } from './typed-json'

describe('typed JSON → XML-RPC values', () => {
  it('maps plain JSON naturally', () => {
    expect(parseTypedJson('"hi"', 'ARG 1')).toBe('hi')
    expect(parseTypedJson('41', 'ARG 1')).toBe(41)
    expect(parseTypedJson('-5', 'ARG 1')).toBe(-5)
    expect(parseTypedJson('4.5', 'ARG 1')).toBe(4.5)
    expect(parseTypedJson('true', 'ARG 1')).toBe(true)
    expect(parseTypedJson('null', 'ARG 1')).toBeNull()
    expect(parseTypedJson('[1, "a", [false]]', 'ARG 1')).toEqual([1, 'a', [false]])
    const s = parseTypedJson('{"a": 1, "__proto__": {"b": 2}}', 'ARG 1')
    expect(Object.getPrototypeOf(s)).toBeNull()
    expect(Object.keys(s as object)).toEqual(['a', '__proto__'])
    expect(s).toEqual(struct({ a: 1, ['__proto__']: struct({ b: 2 }) }))
  })

  it('reads the one-key type objects', () => {
    expect(Buffer.from(fromTypedJson({ $base64: 'aGk=' }) as Uint8Array).toString()).toBe('hi')
    expect(fromTypedJson({ $dateTime: '19980717T14:08:55' })).toEqual(new XmlRpcDateTime(1998, 7, 17, 14, 8, 55))
    expect(fromTypedJson({ $dateTime: '2024-01-02T03:04:05+02:00' })).toEqual(
      new XmlRpcDateTime(2024, 1, 2, 3, 4, 5, '', '+02:00'),
    )
    expect(fromTypedJson({ $double: 2 })).toEqual(new XmlRpcDouble(2))
    expect(fromTypedJson({ $i8: '9007199254740993' })).toEqual(new XmlRpcI8(9007199254740993n))
    expect(fromTypedJson({ $i8: -3 })).toEqual(new XmlRpcI8(-3n))
    expect(fromTypedJson({ $struct: { $only: { $double: 1 } } })).toEqual(struct({ $only: new XmlRpcDouble(1) }))
    expect(fromTypedJson({ $a: 1, b: 2 })).toEqual(struct({ $a: 1, b: 2 })) // two keys: a plain struct
  })

  it('refuses what it cannot map, naming where', () => {
    const bad = (json: unknown) => () => fromTypedJson(json, 'ARG 2')
    expect(bad({ x: [1, { $base64: '!!' }] })).toThrow('ARG 2.x[1].$base64: expected a base64 string')
    expect(bad({ $dateTime: '1998-13-01T00:00:00' })).toThrow(/date and time/)
    expect(bad({ $double: 'NaN' })).toThrow(/finite number/)
    expect(bad({ $i8: '1e3' })).toThrow(/integer/)
    expect(bad({ $i8: '9223372036854775808' })).toThrow(/64-bit/)
    expect(bad({ $nope: 1 })).toThrow(/unknown type \$nope/)
    expect(bad(2 ** 31)).toThrow(/outside the <int> range.*\$i8/)
    expect(fromTypedJson(-(2 ** 31))).toBe(-(2 ** 31))
    expect(() => parseTypedJson('hello', 'ARG 1')).toThrow(TypedJsonError)
    expect(() => parseTypedJson('hello', 'ARG 1')).toThrow(/write '"hello"'/)
  })
})

describe('XML-RPC values → typed JSON', () => {
  it('writes what plain JSON cannot carry as one-key objects', () => {
    expect(toTypedJson(Uint8Array.from([104, 105]))).toEqual({ $base64: 'aGk=' })
    expect(toTypedJson(new XmlRpcDateTime(1998, 7, 17, 14, 8, 55))).toEqual({ $dateTime: '19980717T14:08:55' })
    expect(toTypedJson(new XmlRpcDateTime(2024, 1, 2, 3, 4, 5, '25', 'Z'))).toEqual({
      $dateTime: '20240102T03:04:05.25Z',
    })
    expect(toTypedJson(new XmlRpcDateTime(0, 0, 0, 0, 0, 0, '', 'Z'))).toEqual({ $dateTime: '00000000T00:00:00Z' })
    expect(toTypedJson(9007199254740993n)).toEqual({ $i8: '9007199254740993' })
    expect(toTypedJson(12n)).toBe(12)
    expect(toTypedJson(new XmlRpcDouble(2))).toEqual({ $double: 2 })
    expect(toTypedJson(new XmlRpcDouble(2.5))).toBe(2.5)
    expect(toTypedJson(struct({ $only: 1 }))).toEqual({ $struct: { $only: 1 } })
    expect(JSON.stringify(toTypedJson(struct({ ['__proto__']: 1 })))).toBe('{"__proto__":1}')
  })

  it('reads a decoded i8 past 2^53 and a zoned dateTime as typed JSON', () => {
    const decoded = decodeResponse(
      '<methodResponse><params><param><value><array><data><value><i8>9007199254740993</i8></value><value><dateTime.iso8601>2024-01-02T03:04:05-05:00</dateTime.iso8601></value></data></array></value></param></params></methodResponse>',
    )
    expect(decoded.kind).toBe('value')
    if (decoded.kind === 'value')
      expect(toTypedJson(decoded.value)).toEqual([
        { $i8: '9007199254740993' },
        { $dateTime: '20240102T03:04:05-05:00' },
      ])
  })
})

// Canonical typed JSON (the form toTypedJson writes) survives typed JSON → value → XML → value → typed JSON.
const canonical = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
    // Not {"$double": n}: the decoder returns a plain number for <double>2</double>, so an integral
    // double comes back as 2 (see the report; toTypedJson writes {"$double": n} for XmlRpcDouble).
    fc.boolean(),
    fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 63n - 1n }).map((n) => ({ $i8: n.toString() })),
    fc.uint8Array({ maxLength: 40 }).map((b) => ({ $base64: Buffer.from(b).toString('base64') })),
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => ({ $dateTime: d.toISOString().slice(0, 19).replace(/-/g, '') })),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.string().filter((k) => !k.startsWith('$')),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value

describe('round trip', () => {
  it('canonical typed JSON survives encode → decode unchanged', () => {
    const legal = (s: string) => !/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\r]|[\uD800-\uDFFF]/.test(s)
    fc.assert(
      fc.property(canonical, (json) => {
        fc.pre(legal(JSON.stringify(json)))
        const decoded = decodeResponse(encodeResponse(fromTypedJson(json) as XmlRpcValue))
        expect(decoded.kind).toBe('value')
        if (decoded.kind === 'value') expect(toTypedJson(decoded.value)).toEqual(JSON.parse(JSON.stringify(json)))
      }),
      { numRuns: 300 },
    )
  })
})

describe('integral doubles keep their type where asked', () => {
  it('decodes <double>2.0</double> as XmlRpcDouble with keepDoubleType, so typed JSON says {"$double": 2}', async () => {
    const { decodeResponse } = await import('./decode')
    const xml =
      '<?xml version="1.0"?><methodResponse><params><param><value><array><data><value><double>2.0</double></value><value><double>2.5</double></value></data></array></value></param></params></methodResponse>'
    const kept = decodeResponse(xml, { keepDoubleType: true })
    expect(kept.kind === 'value' && toTypedJson(kept.value)).toEqual([{ $double: 2 }, 2.5])
    const plain = decodeResponse(xml)
    expect(plain.kind === 'value' && toTypedJson(plain.value)).toEqual([2, 2.5])
  })
})
