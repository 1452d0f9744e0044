import { XmlRpcFault } from './fault'
import { TransportError } from './errors'

/**
 * One place that turns what servers really send into kinds the app can act on. Servers disagree:
 * the interop codes (-32601, -32602) are rare in the wild; Python and PyCS answer code 1 with a
 * Python exception as text; WordPress uses HTTP-like codes; the `xmlrpc` npm server answers an
 * unknown method with a bare HTTP 404. So codes first, then text patterns.
 */
export type FaultKind = 'method-not-found' | 'wrong-param-count' | 'auth' | 'busy' | 'other'

export type FaultLike = { faultCode: number; faultString: string } | { httpStatus: number }

const methodNotFound = [
  /is not supported/i, // Python, PyCS: 'method "x" is not supported'
  /method not found/i,
  /(unknown|no such|undefined|unregistered) (method|handler|procedure)/i,
  /requested method .* does not exist/i, // WordPress / IXR
  /method .* (does not exist|not (found|defined|registered|implemented))/i,
  /hasn't been defined/i, // Frontier
]

const wrongParamCount = [
  /takes (exactly |at most |at least |from \d+ to )?(\d+|no) (positional )?arguments?/i, // Python 3 and 2
  /missing \d+ required (positional |keyword-only )?arguments?/i, // Python 3
  /(wrong|incorrect|invalid) (number|count) of (arguments|parameters|params)/i,
  /wrong number of/i,
  /(insufficient|too (many|few)) (arguments|parameters|params)/i, // WordPress: "Insufficient arguments"
  /expected \d+ (arguments|parameters|params)/i,
  /signature permits \d+ param/i, // phpxmlrpc
  /no method matching arguments/i, // Apache XML-RPC
  /-32602/,
]

const auth = [
  /password/i,
  /incorrect (user|username|password|login|credentials)/i, // WordPress: "Incorrect username or password."
  /not (authori[sz]ed|allowed to log)/i,
  /unauthori[sz]ed/i,
  /\blog ?in\b/i,
  /authenticat/i,
  /(invalid|bad|wrong|unknown) (user|username|credentials|login)/i,
  /access denied|permission denied|forbidden/i,
]

const busy = [/busy/i, /try again/i, /overloaded/i, /too many requests/i, /temporarily unavailable/i, /rate.?limit/i]

export function classifyFault(f: FaultLike): FaultKind {
  if ('httpStatus' in f) return classifyStatus(f.httpStatus)
  const { faultCode: code, faultString: text } = f
  if (code === -32601 || methodNotFound.some((re) => re.test(text))) return 'method-not-found'
  if (code === -32602 || wrongParamCount.some((re) => re.test(text))) return 'wrong-param-count'
  if (code === 401 || code === 403 || auth.some((re) => re.test(text))) return 'auth'
  if (code === 429 || code === 503 || busy.some((re) => re.test(text))) return 'busy'
  return 'other'
}

function classifyStatus(status: number): FaultKind {
  if (status === 404) return 'method-not-found' // the `xmlrpc` npm server's answer to an unknown method
  if (status === 401 || status === 403) return 'auth'
  if (status === 429 || status === 502 || status === 503 || status === 504) return 'busy'
  return 'other'
}

/** The kind of any error a call ended in, or null when it is neither a fault nor an HTTP status. */
export function faultKindOf(e: unknown): FaultKind | null {
  if (e instanceof XmlRpcFault) return classifyFault(e)
  if (e instanceof TransportError && e.code === 'http' && e.status !== undefined)
    return classifyFault({ httpStatus: e.status })
  return null
}
