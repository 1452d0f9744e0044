import { ProtocolError } from '../xmlrpc/errors'
import { isStruct } from '../xmlrpc/get-member'
import { struct, type XmlRpcStruct } from '../xmlrpc/values'
import { callServer, describe, type CallOpts } from './call-server'
import { CommunityError } from './community-error'
import type { CommunityServer } from './community-session'
import { readFlag, readString } from './read-members'

/** Where the server should call us back: a NotifyListener's `registration`. */
export interface NotifyRegistration {
  /** The method the server calls with one string param, the URL that changed. */
  notifyProcedure: string
  port: number
  path: string
  /** "xml-rpc" (the only protocol Upstream listens with). */
  protocol: string
}

export interface NotifyAnswer {
  message: string
  /** The struct as received; null when the server answered a bare boolean. */
  members: XmlRpcStruct | null
}

/**
 * xmlStorageSystem.pleaseNotify: asks to be called back when any of `urls` changes. The server
 * calls back at the caller's IP. Registrations expire after 25 hours (see ./notify-subscriptions).
 */
export function pleaseNotify(
  server: CommunityServer,
  reg: NotifyRegistration,
  urls: string[],
  opts: CallOpts = {},
): Promise<NotifyAnswer> {
  return notify(
    server,
    'xmlStorageSystem.pleaseNotify',
    [reg.notifyProcedure, reg.port, reg.path, reg.protocol, urls],
    opts,
  )
}

/** xmlStorageSystem.requestNotification: pleaseNotify plus a userInfo struct. */
export function requestNotification(
  server: CommunityServer,
  reg: NotifyRegistration,
  urls: string[],
  userInfo: XmlRpcStruct = struct(),
  opts: CallOpts = {},
): Promise<NotifyAnswer> {
  return notify(
    server,
    'xmlStorageSystem.requestNotification',
    [reg.notifyProcedure, reg.port, reg.path, reg.protocol, urls, userInfo],
    opts,
  )
}

async function notify(
  server: CommunityServer,
  method: string,
  params: Parameters<typeof callServer>[3],
  opts: CallOpts,
): Promise<NotifyAnswer> {
  const answer = await callServer(server.client, server.profile, method, params, opts)
  // Either a struct ({flError, message} or more) or a boolean, depending on the server.
  if (typeof answer === 'boolean') {
    if (!answer) throw CommunityError.fromFlError(method, 'the server declined the registration', struct())
    return { message: '', members: null }
  }
  if (!isStruct(answer))
    throw new ProtocolError(
      `${method} answered with ${describe(answer)} where a struct or boolean was expected.`,
      {},
      server.client.url,
    )
  const message = readString(answer, 'message') ?? ''
  if (readFlag(answer, 'flError')) throw CommunityError.fromFlError(method, message, answer)
  return { message, members: answer }
}
