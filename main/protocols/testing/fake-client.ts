import type { XmlRpcClient } from '../../xmlrpc/client'
import type { XmlRpcValue } from '../../xmlrpc/values'

/**
 * A client whose answers are scripted by method: for wire shapes our peers never send (weblogs.com's
 * untyped "0", lowercase urllist, HTTP 404 for a missing method). A function answer may throw.
 */
export function fakeClient(answers: Record<string, XmlRpcValue | ((params: XmlRpcValue[]) => XmlRpcValue)>) {
  const calls: { method: string; params: XmlRpcValue[] }[] = []
  const client: XmlRpcClient = {
    url: 'http://fake.invalid/RPC2',
    async call(method, params) {
      calls.push({ method, params })
      if (!(method in answers)) throw new Error(`fake client: no answer scripted for ${method}`)
      const a = answers[method]
      return typeof a === 'function' ? a(params) : a
    },
  }
  return { client, calls }
}
