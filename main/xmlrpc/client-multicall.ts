import type { CallOptions, XmlRpcClient } from './client'
import { XmlRpcFault } from './fault'
import { getMember, isStruct } from './get-member'
import { ProtocolError } from './errors'
import { struct, type XmlRpcValue } from './values'

export interface MulticallCall {
  method: string
  params: XmlRpcValue[]
}

export type MulticallResult = { ok: true; value: XmlRpcValue } | { ok: false; fault: XmlRpcFault }

/**
 * Sends several calls in one system.multicall and returns one result per call, in order. The
 * standard answer wraps each result in a one-element array and gives each failure as a fault
 * struct; some servers (OpenACS, old Perl RPC::XML) do not wrap. When not every element fits the
 * wrapped shape, the answer is read as unwrapped.
 */
export async function multicall(
  client: XmlRpcClient,
  calls: MulticallCall[],
  options?: CallOptions,
): Promise<MulticallResult[]> {
  const request = calls.map((c) => struct({ methodName: c.method, params: c.params }))
  const answer = await client.call('system.multicall', [request], options)
  if (!Array.isArray(answer) || answer.length !== calls.length) {
    throw new ProtocolError(
      `system.multicall answered ${Array.isArray(answer) ? `${answer.length} results for ${calls.length} calls` : 'something that is not an array'}`,
      {},
      client.url,
    )
  }
  const wrapped = answer.every((r) => asFault(r) !== null || (Array.isArray(r) && r.length === 1))
  return answer.map((r) => {
    const fault = asFault(r)
    if (fault) return { ok: false, fault }
    return { ok: true, value: wrapped ? (r as XmlRpcValue[])[0] : r }
  })
}

function asFault(v: XmlRpcValue): XmlRpcFault | null {
  if (!isStruct(v)) return null
  const code = getMember(v, 'faultCode')
  const text = getMember(v, 'faultString')
  if (typeof code !== 'number') return null
  return new XmlRpcFault(code, typeof text === 'string' ? text : String(text ?? ''), v)
}
