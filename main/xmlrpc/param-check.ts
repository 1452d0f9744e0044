import type { XmlRpcValue } from './values'
import { XmlRpcDateTime, XmlRpcDouble, XmlRpcI8 } from './values'

/** The XML-RPC type a decoded value came from, as signatures spell it. */
export function typeOf(v: XmlRpcValue): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double'
  if (typeof v === 'boolean') return 'boolean'
  if (typeof v === 'bigint' || v instanceof XmlRpcI8) return 'i8'
  if (v === null) return 'nil'
  if (v instanceof Uint8Array) return 'base64'
  if (v instanceof XmlRpcDateTime) return 'dateTime.iso8601'
  if (v instanceof XmlRpcDouble) return 'double'
  return Array.isArray(v) ? 'array' : 'struct'
}

/** Does `v` fit the signature type `type`? Unknown type names ("any", "undef", "value") accept anything. */
function fits(type: string, v: XmlRpcValue): boolean {
  const actual = typeOf(v)
  switch (type) {
    case 'int':
    case 'i4':
      return actual === 'int'
    case 'i8':
      return actual === 'int' || actual === 'i8'
    // A double that happens to be integral (2.0) decodes as the number 2.
    case 'double':
      return actual === 'double' || actual === 'int'
    case 'string':
    case 'boolean':
    case 'base64':
    case 'dateTime.iso8601':
    case 'array':
    case 'struct':
    case 'nil':
      return actual === type
    default:
      return true
  }
}

/**
 * Checks params against a method's signatures (each: return type, then param types). Returns why
 * none fits, in words the client's fault classifier recognises, or undefined when one does.
 */
export function paramProblem(signatures: string[][], params: XmlRpcValue[]): string | undefined {
  const sameCount = signatures.filter((s) => s.length - 1 === params.length)
  if (sameCount.length === 0) {
    const counts = [...new Set(signatures.map((s) => s.length - 1))].sort((a, b) => a - b)
    return `wrong number of parameters: expected ${counts.join(' or ')}, got ${params.length}`
  }
  let problem: string | undefined
  for (const sig of sameCount) {
    const bad = sig.findIndex((type, i) => i > 0 && !fits(type, params[i - 1]))
    if (bad === -1) return undefined
    problem ??= `parameter ${bad} must be ${sig[bad]}, got ${typeOf(params[bad - 1])}`
  }
  return problem
}
