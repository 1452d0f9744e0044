import type { XmlRpcClient } from '../../xmlrpc/client'
import type { XmlRpcValue } from '../../xmlrpc/values'

export interface SpyClient extends XmlRpcClient {
  /** Every call made through this client, in order. */
  calls: { method: string; params: XmlRpcValue[] }[]
}

/** Wraps a real client and records what went on the wire, so tests can assert what was (not) sent. */
export function spyClient(inner: XmlRpcClient): SpyClient {
  const calls: SpyClient['calls'] = []
  return {
    url: inner.url,
    calls,
    call(method, params, opts) {
      calls.push({ method, params })
      return inner.call(method, params, opts)
    },
  }
}
