import type { JsonValue } from '../../shared/errors'
import { decodeBase64, encodeBase64 } from './base64'
import { formatDateTime, parseDateTime } from './datetime'
import { XmlRpcDateTime, XmlRpcDouble, XmlRpcI8, type XmlRpcStruct, type XmlRpcValue } from './values'

/**
 * Typed JSON: XML-RPC values written as JSON, the CLI's contract with scripts. Plain JSON maps
 * naturally (string, integer → int, other number → double, boolean, null → nil, array, object →
 * struct); one-key objects carry the rest: {"$base64": "…"}, {"$dateTime": "19980717T14:08:55"},
 * {"$double": 2}, {"$i8": "9007199254740993"}, and {"$struct": {…}} for a struct whose only member
 * name starts with "$". Output uses the same forms, so a result can be fed back as an argument.
 */
export class TypedJsonError extends Error {
  override readonly name = 'TypedJsonError'
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
  }
}

const INT_MAX = 2 ** 31 - 1
const I8_MAX = 2n ** 63n - 1n

export function fromTypedJson(json: unknown, path = '$'): XmlRpcValue {
  if (json === null || typeof json === 'string' || typeof json === 'boolean') return json
  if (typeof json === 'number') {
    if (!Number.isInteger(json)) return json
    if (Math.abs(json) > INT_MAX + (json < 0 ? 1 : 0))
      throw new TypedJsonError(
        path,
        `${json} is outside the <int> range (±2^31); write {"$i8": "${json}"} or {"$double": ${json}}`,
      )
    return json
  }
  if (Array.isArray(json)) return json.map((v, i) => fromTypedJson(v, `${path}[${i}]`))
  if (typeof json !== 'object') throw new TypedJsonError(path, `${typeof json} is not a JSON value`)
  const keys = Object.keys(json)
  const o = json as Record<string, unknown>
  if (keys.length === 1 && keys[0].startsWith('$')) return tagged(keys[0], o[keys[0]], path)
  return members(o, path)
}

function tagged(tag: string, v: unknown, path: string): XmlRpcValue {
  const at = `${path}.${tag}`
  switch (tag) {
    case '$base64': {
      const bytes = typeof v === 'string' ? decodeBase64(v, false) : undefined
      if (!bytes) throw new TypedJsonError(at, 'expected a base64 string')
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    }
    case '$dateTime': {
      const dt = typeof v === 'string' ? parseDateTime(v) : undefined
      if (!dt) throw new TypedJsonError(at, 'expected a date and time like "19980717T14:08:55"')
      return dt
    }
    case '$double':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypedJsonError(at, 'expected a finite number')
      return new XmlRpcDouble(v)
    case '$i8': {
      const text = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v
      if (typeof text !== 'string' || !/^[+-]?\d+$/.test(text.trim()))
        throw new TypedJsonError(at, 'expected an integer, as a string ("9007199254740993")')
      const n = BigInt(text.trim())
      if (n > I8_MAX || n < -I8_MAX - 1n) throw new TypedJsonError(at, `${text} is outside the 64-bit range`)
      return new XmlRpcI8(n)
    }
    case '$struct':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TypedJsonError(at, 'expected an object')
      return members(v as Record<string, unknown>, at)
    default:
      throw new TypedJsonError(
        path,
        `unknown type ${tag} (known: $base64, $dateTime, $double, $i8, $struct; write {"$struct": {…}} for a struct whose only member starts with "$")`,
      )
  }
}

function members(o: Record<string, unknown>, path: string): XmlRpcStruct {
  const s = Object.create(null) as XmlRpcStruct
  for (const key of Object.keys(o)) s[key] = fromTypedJson(o[key], `${path}.${key}`)
  return s
}

/** A decoded value as typed JSON (objects have no prototype, so a member named __proto__ stays data). */
export function toTypedJson(v: XmlRpcValue): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $double: String(v) }
  if (typeof v === 'bigint') return integer(v)
  if (v instanceof XmlRpcI8) return integer(v.value)
  if (v instanceof XmlRpcDouble) return Number.isInteger(v.value) ? { $double: v.value } : toTypedJson(v.value)
  if (v instanceof Uint8Array) return { $base64: encodeBase64(v) }
  if (v instanceof XmlRpcDateTime)
    return { $dateTime: `${formatDateTime(v)}${v.fraction ? `.${v.fraction}` : ''}${v.zone ?? ''}` }
  if (Array.isArray(v)) return v.map(toTypedJson)
  const out = Object.create(null) as { [key: string]: JsonValue }
  const keys = Object.keys(v)
  for (const key of keys) out[key] = toTypedJson(v[key])
  return keys.length === 1 && keys[0].startsWith('$') ? { $struct: out } : out
}

function integer(n: bigint): JsonValue {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(n)
    : { $i8: n.toString() }
}

/** Parses one typed-JSON argument's text; the error names the argument and where in it. */
export function parseTypedJson(text: string, label: string): XmlRpcValue {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    const hint = /^[\s]*[A-Za-z]/.test(text) ? ` (strings are JSON too: write '"${text.trim().slice(0, 40)}"')` : ''
    throw new TypedJsonError(label, `not JSON: ${(e as Error).message}${hint}`)
  }
  return fromTypedJson(json, label)
}
