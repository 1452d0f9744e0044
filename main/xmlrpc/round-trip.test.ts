import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCall, decodeResponse } from './decode'
import { encodeCall, encodeResponse } from './encode'
import { formatDouble } from './number-format'
import { decodeValue } from './testing/documents'
import { struct, XmlRpcDateTime, XmlRpcDouble, XmlRpcI8, type XmlRpcValue } from './values'

// Property: any value tree XML-RPC can carry comes back identical from encode → decode. What
// legitimately changes is spelled out in `expected` (integral doubles come back as numbers, i8
// within 2^53 as numbers, bytes as Buffers).

const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/
const text = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('<', '>', '&', ']]>', '\r', '\r\n', '\n', '\t', ' ', '"', "'"),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 30,
  })
  .filter((s) => !ILLEGAL.test(s))
const dateTime = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ y, mo, d, h, mi, s }) => new XmlRpcDateTime(y, mo, d, h, mi, s))
const scalar: fc.Arbitrary<XmlRpcValue> = fc.oneof(
  text,
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => new XmlRpcDouble(d)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((b) => new XmlRpcI8(b)),
  dateTime,
  fc.uint8Array({ maxLength: 40 }),
  fc.constant(null),
)
const { value } = fc.letrec<{ value: XmlRpcValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 5 }),
    fc
      .dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'toString')), tie('value'), { maxKeys: 5 })
      .map((o) => struct(o)),
  ),
}))

/** What decoding gives back for `v`. */
function expected(v: XmlRpcValue): unknown {
  if (v instanceof XmlRpcDouble) return v.value
  if (v instanceof XmlRpcI8) return expected(v.value)
  if (typeof v === 'bigint') return v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n ? Number(v) : v
  if (v instanceof Uint8Array) return Buffer.from(v)
  if (Array.isArray(v)) return v.map(expected)
  if (typeof v === 'object' && v !== null && !(v instanceof XmlRpcDateTime)) {
    const out = Object.create(null) as Record<string, unknown>
    for (const k of Object.keys(v)) out[k] = expected(v[k])
    return out
  }
  return v
}

/**
 * An exact, type-tagged rendering to compare with: toStrictEqual reads `.constructor`, which a
 * struct member of that name shadows.
 */
function canonical(v: unknown): unknown {
  if (typeof v === 'number') return ['number', Object.is(v, -0) ? '-0' : String(v)]
  if (typeof v === 'bigint') return ['bigint', String(v)]
  if (typeof v !== 'object' || v === null) return [typeof v, v]
  if (v instanceof Uint8Array) return [v.constructor.name, Buffer.from(v).toString('hex')]
  if (v instanceof XmlRpcDateTime) return ['dateTime', { ...v }]
  if (Array.isArray(v)) return ['array', v.map(canonical)]
  return [
    'struct',
    Object.getPrototypeOf(v) === null,
    Object.keys(v).map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
  ]
}

const same = (actual: unknown, wanted: unknown) =>
  expect(JSON.stringify(canonical(actual))).toBe(JSON.stringify(canonical(wanted)))

describe('encode → decode', () => {
  it('gives back every value tree, as a response and as a call (bytes and string)', () => {
    fc.assert(
      fc.property(value, fc.array(value, { maxLength: 3 }), (v, params) => {
        const response = encodeResponse(v, { allowNil: true })
        for (const body of [Buffer.from(response), response]) {
          const r = decodeResponse(body)
          expect(r.kind).toBe('value')
          same(r.kind === 'value' && r.value, expected(v))
        }
        const call = decodeCall(encodeCall('test.echo', params, { allowNil: true }))
        expect(call.method).toBe('test.echo')
        same(call.params, params.map(expected))
      }),
      { numRuns: 400 },
    )
  })
  it('gives back long texts (escaped through bytes) exactly', () => {
    const long = fc.string({
      unit: fc.oneof(
        fc.constantFrom('<', '>', '&', '\r', 'é', '€', '\u{1F600}'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      minLength: 256,
      maxLength: 2000,
    })
    fc.assert(
      fc.property(
        long.filter((t) => !ILLEGAL.test(t)),
        (t) => {
          const xml = encodeResponse(t)
          expect(xml).not.toContain('\r')
          same(decodeValue(Buffer.from(xml)), t)
        },
      ),
      { numRuns: 200 },
    )
  })
  it('writes doubles without an exponent that parse back to the same double, -0 included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const s = formatDouble(d)
        expect(s).toMatch(/^-?[0-9]+\.[0-9]+$/)
        expect(Object.is(Number(s), d)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})
