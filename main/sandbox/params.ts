import { XmlRpcFault } from '../xmlrpc/fault'
import { isStruct } from '../xmlrpc/get-member'
import { XmlRpcDateTime, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'

/**
 * The sandbox's fault codes. Bad calls are faults (like PyCS); xmlStorageSystem sign-in failures
 * are {flError: true} structs instead, as the community servers answer them.
 */
export const SandboxFault = {
  /** Wrong number or type of parameters (the interop code). */
  invalidParams: -32602,
  /** Discussion groups and web host: the e-mail/password pair is not a member's. */
  signIn: 4,
  /** A relativePath that is absolute, climbs out with `..`, or is otherwise unusable. */
  badPath: 5,
  /** A file size, quota or extension limit. */
  limit: 6,
  /** No such group, message or file. */
  notFound: 7,
  /** Signed in, but not allowed (editing someone else's message). */
  forbidden: 8,
  /** Refused by the protocol's own rules (an empty title on a new thread). */
  refused: 9,
} as const

/** Checks the parameter count before anything else, naming the method's parameters in the fault. */
export function arity(method: string, params: XmlRpcValue[], names: string[], optional = 0): void {
  const min = names.length - optional
  if (params.length < min || params.length > names.length) {
    const expected = optional ? `${min} to ${names.length}` : `${names.length}`
    throw new XmlRpcFault(
      SandboxFault.invalidParams,
      `${method} takes ${expected} parameters (${names.join(', ')}); got ${params.length}.`,
    )
  }
}

const bad = (what: string, wanted: string, v: XmlRpcValue | undefined) =>
  new XmlRpcFault(SandboxFault.invalidParams, `${what} must be ${wanted}, not ${describe(v)}.`)

export function describe(v: XmlRpcValue | undefined): string {
  if (v === undefined) return 'missing'
  if (v === null) return 'nil'
  if (typeof v === 'string') return 'a string'
  if (typeof v === 'number') return Number.isInteger(v) ? 'an int' : 'a double'
  if (typeof v === 'boolean') return 'a boolean'
  if (v instanceof Uint8Array) return 'base64'
  if (v instanceof XmlRpcDateTime) return 'a dateTime'
  if (Array.isArray(v)) return 'an array'
  if (isStruct(v)) return 'a struct'
  return typeof v
}

export function str(what: string, v: XmlRpcValue | undefined): string {
  if (typeof v !== 'string') throw bad(what, 'a string', v)
  return v
}

export function int(what: string, v: XmlRpcValue | undefined): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw bad(what, 'an int', v)
  return v
}

export function array(what: string, v: XmlRpcValue | undefined): XmlRpcValue[] {
  if (!Array.isArray(v)) throw bad(what, 'an array', v)
  return v
}

export function bytes(what: string, v: XmlRpcValue | undefined): Uint8Array {
  if (!(v instanceof Uint8Array)) throw bad(what, 'base64', v)
  return v
}

export function structParam(what: string, v: XmlRpcValue | undefined): XmlRpcStruct {
  if (!isStruct(v)) throw bad(what, 'a struct', v)
  return v
}

/** A dateTime.iso8601 for a moment: the sandbox's wall clock is UTC (documented). */
export function utcDateTime(at: Date | string): XmlRpcDateTime {
  const d = typeof at === 'string' ? new Date(at) : at
  return new XmlRpcDateTime(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  )
}

/** A caller's text quoted in a fault: the start of it, never the whole (a fault must not echo 20 MB back). */
export function clip(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`
}
