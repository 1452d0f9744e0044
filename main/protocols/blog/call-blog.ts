import type { CallOptions } from '../../xmlrpc/client'
import { faultKindOf } from '../../xmlrpc/classify-fault'
import { TransportError } from '../../xmlrpc/errors'
import { XmlRpcFault } from '../../xmlrpc/fault'
import type { XmlRpcValue } from '../../xmlrpc/values'
import { ensureOffered, UnsupportedError } from '../unsupported'
import { BlogFault } from './blog-fault'
import type { BlogCredentials } from './blog-login'
import { refusalFor, rememberRefusal } from './login-refusals'
import { isXmlRpcDisabledFault, XmlRpcDisabledError } from './xmlrpc-disabled-error'

export type BlogCallOpts = Pick<CallOptions, 'signal' | 'onUploadProgress' | 'timeoutMs'>

/**
 * One Blogger/MetaWeblog call with the blog family's errors: a refused login is remembered and
 * never sent again with the same password; XML-RPC turned off → XmlRpcDisabledError; "no such
 * method" → UnsupportedError; any other fault → BlogFault. Transport, protocol and limit errors
 * pass through unchanged.
 */
export async function callBlog(
  c: BlogCredentials,
  method: string,
  params: XmlRpcValue[],
  opts: BlogCallOpts = {},
): Promise<XmlRpcValue> {
  const earlier = refusalFor(c)
  if (earlier) throw earlier
  ensureOffered(c.profile, method)
  try {
    return await c.client.call(method, params, opts)
  } catch (e) {
    throw blogErrorOf(c, method, e)
  }
}

function blogErrorOf(c: BlogCredentials, method: string, e: unknown): unknown {
  if (e instanceof XmlRpcFault && isXmlRpcDisabledFault(e.faultCode, e.faultString))
    return new XmlRpcDisabledError(method, 'fault', e.faultString)
  // An HTML page refusing xmlrpc.php is a block in front of the blog, not a refused password:
  // blog engines refuse logins with a fault inside a normal answer.
  if (
    e instanceof TransportError &&
    e.code === 'http' &&
    (e.status === 403 || e.status === 405) &&
    e.location === undefined
  ) {
    return new XmlRpcDisabledError(method, 'blocked', `HTTP ${e.status}${e.statusText ? ` ${e.statusText}` : ''}`)
  }
  if (faultKindOf(e) === 'method-not-found')
    return new UnsupportedError(method, e instanceof TransportError ? 'http-404' : 'method-not-found')
  if (!(e instanceof XmlRpcFault)) return e
  const fault = BlogFault.fromFault(method, e)
  if (fault.faultKind === 'auth') rememberRefusal(c, fault)
  return fault
}
