/**
 * XML-RPC values as JavaScript sees them.
 *
 *   string            ↔ <string> (and untyped <value>text</value> on input)
 *   number (integer)  ↔ <int>/<i4>/<i1>/<i2>   (integers outside ±2^31 are refused as <int>)
 *   number (other)    ↔ <double>               (XmlRpcDouble forces <double> for integral values)
 *   boolean           ↔ <boolean>
 *   XmlRpcDateTime    ↔ <dateTime.iso8601>     (wall-clock fields, no invented zone)
 *   Uint8Array/Buffer ↔ <base64>
 *   XmlRpcValue[]     ↔ <array>
 *   XmlRpcStruct      ↔ <struct>               (objects with a null prototype on input)
 *   null              ↔ <nil/>                 (emitted only with { allowNil: true })
 *   bigint/XmlRpcI8   ↔ <i8>                   (decoded as number when within 2^53, else bigint)
 */
export type XmlRpcValue =
  | string
  | number
  | boolean
  | null
  | bigint
  | Uint8Array
  | XmlRpcDateTime
  | XmlRpcDouble
  | XmlRpcI8
  | XmlRpcValue[]
  | XmlRpcStruct

export interface XmlRpcStruct {
  [member: string]: XmlRpcValue
}

/** Forces a <double> for a value that happens to be integral (2 → <double>2.0</double>). */
export class XmlRpcDouble {
  constructor(readonly value: number) {}
}

/** Asks for an <i8> (only for servers known to accept it). */
export class XmlRpcI8 {
  constructor(readonly value: bigint) {}
}

/**
 * A dateTime.iso8601 as the server wrote it. The protocol has no time zone, so the fields are the
 * server's wall clock; `zone` is kept only when the sender wrote one ('Z' or '+02:00').
 */
export class XmlRpcDateTime {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    /** Fractional seconds as written, without the dot ('' when absent). */
    readonly fraction: string = '',
    readonly zone: string | null = null,
  ) {}
}

/** A struct with no prototype: a member named `__proto__` is just data. */
export function struct(members: Record<string, XmlRpcValue> = {}): XmlRpcStruct {
  const s = Object.create(null) as XmlRpcStruct
  for (const key of Object.keys(members)) s[key] = members[key]
  return s
}
