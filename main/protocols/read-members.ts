import { getMember, isStruct } from '../xmlrpc/get-member'
import { struct, XmlRpcDateTime, XmlRpcDouble, XmlRpcI8, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'

/**
 * Lenient, typed reads of struct members. Servers disagree on case (`flError`/`flerror`) and on
 * types (weblogs.com sends flerror as an untyped "0", some send ints as strings), so every reader
 * goes through getMember and accepts the obvious alternatives; a missing or unusable member is
 * undefined, never a throw — the raw struct is always kept beside the typed view.
 */
export function readString(s: XmlRpcStruct, name: string): string | undefined {
  const v = getMember(s, name)
  return typeof v === 'string' ? v : undefined
}

export function readInt(s: XmlRpcStruct, name: string): number | undefined {
  return toInt(getMember(s, name))
}

export function toInt(v: XmlRpcValue | undefined): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v)
  if (typeof v === 'bigint') return Number(v)
  if (v instanceof XmlRpcI8) return Number(v.value)
  if (v instanceof XmlRpcDouble) return Math.trunc(v.value)
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v)
  return undefined
}

/** true/false, 1/0, "1"/"0", "true"/"false" (any case); undefined when absent or unreadable. */
export function readFlag(s: XmlRpcStruct, name: string): boolean | undefined {
  const v = getMember(s, name)
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v !== 0
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase()
    if (t === '1' || t === 'true') return true
    if (t === '0' || t === 'false' || t === '') return false
  }
  return undefined
}

export function readStringList(s: XmlRpcStruct, name: string): string[] | undefined {
  const v = getMember(s, name)
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : undefined
}

export function readStruct(s: XmlRpcStruct, name: string): XmlRpcStruct | undefined {
  const v = getMember(s, name)
  return isStruct(v) ? v : undefined
}

export function readDateTime(s: XmlRpcStruct, name: string): XmlRpcDateTime | undefined {
  const v = getMember(s, name)
  return v instanceof XmlRpcDateTime ? v : undefined
}

/** The members whose names (compared without case) are not in `known`. */
export function unknownMembers(s: XmlRpcStruct, known: readonly string[]): XmlRpcStruct {
  const names = new Set(known.map((k) => k.toLowerCase()))
  const out = struct()
  for (const key of Object.keys(s)) if (!names.has(key.toLowerCase())) out[key] = s[key]
  return out
}
