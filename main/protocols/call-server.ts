import type { ServerProfile } from '../../shared/server-profile'
import type { CallOptions, XmlRpcClient } from '../xmlrpc/client'
import { faultKindOf } from '../xmlrpc/classify-fault'
import { ProtocolError, TransportError } from '../xmlrpc/errors'
import { XmlRpcFault } from '../xmlrpc/fault'
import { isStruct } from '../xmlrpc/get-member'
import type { XmlRpcStruct, XmlRpcValue } from '../xmlrpc/values'
import { CommunityError } from './community-error'
import { readFlag, readString } from './read-members'
import { ensureOffered, UnsupportedError } from './unsupported'

export type CallOpts = Pick<CallOptions, 'signal' | 'onUploadProgress' | 'timeoutMs'>

/**
 * One call with this family's error conventions applied: refused before sending when
 * listMethods is known and lacks the method; "method not found" → UnsupportedError; any other
 * fault → CommunityError. Transport, protocol and limit errors pass through unchanged.
 */
export async function callServer(
  client: XmlRpcClient,
  profile: ServerProfile | undefined,
  method: string,
  params: XmlRpcValue[],
  opts: CallOpts = {},
): Promise<XmlRpcValue> {
  ensureOffered(profile, method)
  try {
    return await client.call(method, params, opts)
  } catch (e) {
    if (faultKindOf(e) === 'method-not-found')
      throw new UnsupportedError(method, e instanceof TransportError ? 'http-404' : 'method-not-found')
    if (e instanceof XmlRpcFault) throw CommunityError.fromFault(method, e)
    throw e
  }
}

/**
 * A call whose answer is a struct. An `flError` (any case, any truthy spelling) becomes a
 * CommunityError unless `allowFlError` — multi-file calls report partial failure that way.
 */
export async function callForStruct(
  client: XmlRpcClient,
  profile: ServerProfile | undefined,
  method: string,
  params: XmlRpcValue[],
  opts: CallOpts & { allowFlError?: boolean } = {},
): Promise<XmlRpcStruct> {
  const { allowFlError, ...callOpts } = opts
  const answer = await callServer(client, profile, method, params, callOpts)
  if (!isStruct(answer))
    throw new ProtocolError(`${method} answered with ${describe(answer)} where a struct was expected.`, {}, client.url)
  if (!allowFlError && readFlag(answer, 'flError'))
    throw CommunityError.fromFlError(method, readString(answer, 'message') ?? '', answer)
  return answer
}

export function describe(v: XmlRpcValue): string {
  if (Array.isArray(v)) return 'an array'
  if (v === null) return 'nil'
  if (typeof v === 'object') return v instanceof Uint8Array ? 'base64 bytes' : `a ${v.constructor.name}`
  return `a ${typeof v}`
}
