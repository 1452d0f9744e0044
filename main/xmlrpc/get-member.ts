import type { XmlRpcStruct, XmlRpcValue } from './values'

/** Is this decoded value a struct (not an array, bytes, date or wrapper)? */
export function isStruct(v: XmlRpcValue | undefined): v is XmlRpcStruct {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === null
}

/**
 * Reads a struct member whose spelling servers disagree on (`flError`/`flerror`,
 * `mimeType`/`mimetype`): the exact name first, then a case-insensitive match.
 */
export function getMember(s: XmlRpcStruct, name: string): XmlRpcValue | undefined {
  if (Object.hasOwn(s, name)) return s[name]
  const lower = name.toLowerCase()
  for (const key of Object.keys(s)) if (key.toLowerCase() === lower) return s[key]
  return undefined
}
