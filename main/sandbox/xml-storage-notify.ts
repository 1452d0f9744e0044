import type { IncomingMessage } from 'node:http'
import { XmlRpcFault } from '../xmlrpc/fault'
import type { XmlRpcValue } from '../xmlrpc/values'
import type { SandboxContext } from './context'
import { arity, array, clip, int, SandboxFault, str } from './params'
import type { Subscription } from './subscriptions'
import { callerAddress, NS, ok, type StorageRegistrar } from './xml-storage-common'

/** URLs one pleaseNotify may name, and registrations one caller's address may hold. */
export const MAX_URLS_PER_CALL = 10
export const MAX_URLS_PER_CALLER = 50

/** pleaseNotify, requestNotification, rssPleaseNotify: callbacks when watched URLs change. */
export function registerStorageNotify(reg: StorageRegistrar, ctx: SandboxContext): void {
  const notifyParams = ['notifyProcedure', 'port', 'path', 'protocol', 'urlList']
  const notifySignature = ['string', 'int', 'string', 'string', 'array']
  const subscribe = async (
    method: Subscription['via'],
    params: XmlRpcValue[],
    req: IncomingMessage,
    withUserInfo = false,
  ): Promise<number> => {
    arity(`${NS}.${method}`, params, withUserInfo ? [...notifyParams, 'userInfo'] : notifyParams)
    const procedure = str('notifyProcedure', params[0]).trim()
    if (procedure.length > 256)
      throw new XmlRpcFault(SandboxFault.limit, 'notifyProcedure is longer than 256 characters.')
    const port = int('port', params[1])
    const rpcPath = str('path', params[2])
    if (rpcPath.length > 1024) throw new XmlRpcFault(SandboxFault.limit, 'path is longer than 1024 characters.')
    const protocol = str('protocol', params[3])
    const urls = array('urlList', params[4]).map((u, i) => str(`urlList[${i}]`, u))
    if (!procedure)
      throw new XmlRpcFault(
        SandboxFault.invalidParams,
        'notifyProcedure must name the method to call back, such as "myApp.urlChanged".',
      )
    if (port < 1 || port > 65535) throw new XmlRpcFault(SandboxFault.invalidParams, `port ${port} is not a TCP port.`)
    if (protocol.toLowerCase() !== 'xml-rpc')
      throw new XmlRpcFault(
        SandboxFault.invalidParams,
        `The sandbox calls back over "xml-rpc" only, not "${clip(protocol)}".`,
      )
    if (urls.length === 0)
      throw new XmlRpcFault(SandboxFault.invalidParams, 'urlList is empty: there is nothing to watch.')
    if (urls.length > MAX_URLS_PER_CALL)
      throw new XmlRpcFault(
        SandboxFault.limit,
        `urlList has ${urls.length} URLs; the sandbox watches at most ${MAX_URLS_PER_CALL} per call.`,
      )
    const foreign = urls.filter((u) => !isOurs(ctx, u))
    if (foreign.length > 0)
      throw new XmlRpcFault(
        SandboxFault.invalidParams,
        `The sandbox can only watch its own URLs (${ctx.baseUrl()}/…), not ${clip(foreign.join(', '))}.`,
      )
    // rssCloud's rule: the callback goes to the address the request came from, never one it names.
    const address = callerAddress(req)
    const added = await ctx.subscriptions.add(
      { address, port, rpcPath: rpcPath.startsWith('/') ? rpcPath : `/${rpcPath}`, procedure, via: method },
      urls,
      MAX_URLS_PER_CALLER,
    )
    if (!added)
      throw new XmlRpcFault(
        SandboxFault.limit,
        `${address} already has ${ctx.subscriptions.countFor(address)} registrations here; the sandbox keeps at most ${MAX_URLS_PER_CALLER} per address (they expire after 25 hours).`,
      )
    return urls.length
  }
  const subscribed = (n: number) =>
    ok({
      message: `Watching ${n} URL${n === 1 ? '' : 's'} for 25 hours; they will be called back at your address when they change.`,
    })

  reg(
    'pleaseNotify',
    [['struct', ...notifySignature]],
    'pleaseNotify(notifyProcedure, port, path, protocol, urlList) → {flError, message}. When a URL in urlList changes, the sandbox calls notifyProcedure(url) over xml-rpc at the caller’s IP address, port and path, and expects true. Registrations expire after 25 hours.',
    async (params, req) => subscribed(await subscribe('pleaseNotify', params, req)),
  )
  reg(
    'requestNotification',
    [['struct', ...notifySignature, 'struct']],
    'requestNotification(notifyProcedure, port, path, protocol, urlList, userInfo) → {flError, message}: pleaseNotify with a userInfo struct.',
    async (params, req) => subscribed(await subscribe('requestNotification', params, req, true)),
  )
  reg(
    'rssPleaseNotify',
    [['boolean', ...notifySignature]],
    'rssPleaseNotify(notifyProcedure, port, path, protocol, urlList) → true: the rssCloud registration, so an RSS <cloud> element can point here. Same callbacks as pleaseNotify.',
    async (params, req) => {
      await subscribe('rssPleaseNotify', params, req)
      return true
    },
  )
}

/** A URL this sandbox serves, whichever loopback name the client used for it. */
function isOurs(ctx: SandboxContext, raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (
    url.protocol === 'http:' &&
    ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
    Number(url.port || 80) === ctx.port()
  )
}
