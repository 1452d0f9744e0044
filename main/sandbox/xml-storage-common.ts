import type { IncomingMessage } from 'node:http'
import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'
import type { MethodRegistry, SandboxContext } from './context'
import { isMd5Hex, type Member } from './members'
import { clip, SandboxFault, str } from './params'

export const NS = 'xmlStorageSystem'
export const ok = (members: Record<string, XmlRpcValue>): XmlRpcStruct =>
  struct({ flError: false, message: '', ...members })
export const refused = (message: string, members: Record<string, XmlRpcValue> = {}): XmlRpcStruct =>
  struct({ flError: true, message, ...members })

/** A refusal the handler answers with an {flError: true} struct rather than a fault. */
export class Refusal extends Error {
  constructor(readonly answer: XmlRpcStruct) {
    super(String(answer.message))
  }
}

export const DIGEST_HINT =
  'The password parameter is the lowercase hex MD5 digest of the password (32 characters 0-9a-f), never the password itself.'

/** Registers `xmlStorageSystem.<method>`, turning a Refusal into its flError struct. */
export type StorageRegistrar = (
  method: string,
  signature: string[][],
  help: string,
  handler: (params: XmlRpcValue[], req: IncomingMessage) => Promise<XmlRpcValue> | XmlRpcValue,
) => void

export function storageRegistrar(rpc: MethodRegistry): StorageRegistrar {
  return (method, signature, help, handler) =>
    rpc.register(
      `${NS}.${method}`,
      async (params, call) => {
        try {
          return await handler(params, call.req)
        } catch (e) {
          if (e instanceof Refusal) return e.answer
          throw e
        }
      },
      { signature, help },
    )
}

/** The member a (usernum, digest) pair signs in as, or a Refusal saying which half is wrong. */
export function account(ctx: SandboxContext, params: XmlRpcValue[]): Member {
  const usernum = params[0]
  const password = str('password', params[1])
  if (typeof usernum !== 'string') {
    throw new XmlRpcFault(
      SandboxFault.invalidParams,
      `usernum must be the string registerUser returned (like "0012345"), exactly as returned, not ${typeof usernum === 'number' ? `the int ${usernum}` : 'that'}.`,
    )
  }
  const member = ctx.members.signInWithDigest(usernum, password)
  if (member) return member
  if (!ctx.members.byUsernum(usernum))
    throw new Refusal(
      refused(`There is no member with usernum "${clip(usernum)}" on this server. Call registerUser first.`),
    )
  throw new Refusal(
    refused(`The password is incorrect for usernum ${usernum}.${isMd5Hex(password) ? '' : ' ' + DIGEST_HINT}`),
  )
}

/** The caller's IP address as a URL host part would need it (IPv4-mapped IPv6 unwrapped). */
export function callerAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1'
  return address.startsWith('::ffff:') ? address.slice(7) : address
}
