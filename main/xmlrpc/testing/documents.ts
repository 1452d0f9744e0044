// Small builders for hand-written XML-RPC documents in tests.
import { decodeResponse, type DecodeOptions } from '../decode'
import type { XmlRpcValue } from '../values'

/** A response whose single param is `<value>${inner}</value>`. */
export function responseWith(inner: string): string {
  return `<?xml version="1.0"?>\n<methodResponse><params><param><value>${inner}</value></param></params></methodResponse>`
}

/** Decodes `<value>${inner}</value>` as a response's value (throws on a fault). */
export function valueOf(inner: string, opts?: DecodeOptions): XmlRpcValue {
  return decodeValue(responseWith(inner), opts)
}

/** Decodes a whole response document that must carry a value. */
export function decodeValue(doc: string | Uint8Array, opts?: DecodeOptions): XmlRpcValue {
  const r = decodeResponse(doc, opts)
  if (r.kind !== 'value') throw new Error(`expected a value, got fault ${r.fault.faultCode}`)
  return r.value
}

/** The error `f` throws (fails the test when it throws nothing). */
export function errorOf(
  f: () => unknown,
): Error & { faultCode?: number; line?: number; column?: number; offset?: number } {
  try {
    f()
  } catch (e) {
    return e as Error
  }
  throw new Error('expected an error, none was thrown')
}
