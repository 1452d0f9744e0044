import type { XmlRpcClient } from '../xmlrpc/client'
import type { XmlRpcStruct, XmlRpcValue } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import { readString } from './read-members'
import type { WeblogUpdatesTarget } from './server-capabilities'
import { UnsupportedError } from './unsupported'

export interface WeblogPing {
  name: string
  url: string
  changesUrl?: string
  /** PyCS refuses anything but "none". */
  category?: string
}

export interface ExtendedPing {
  name: string
  url: string
  changesUrl: string
  feedUrl: string
  /** weblogs.com's tags: one string, '|'-separated. */
  tags?: string
}

export interface PingResult {
  message: string
  /** Which method answered: extendedPing falls back to ping. */
  method: 'weblogUpdates.ping' | 'weblogUpdates.extendedPing'
  members: XmlRpcStruct
}

/** weblogUpdates.ping(name, url[, changesUrl[, category]]); `{flerror, message}`, either spelling, "0" tolerated. */
export async function weblogPing(client: XmlRpcClient, ping: WeblogPing, opts: CallOpts = {}): Promise<PingResult> {
  const params: XmlRpcValue[] = [ping.name, ping.url]
  // A category needs a changes URL before it; the weblog's own URL stands in.
  if (ping.changesUrl !== undefined || ping.category !== undefined) params.push(ping.changesUrl ?? ping.url)
  if (ping.category !== undefined) params.push(ping.category)
  const answer = await callForStruct(client, undefined, 'weblogUpdates.ping', params, opts)
  return { message: readString(answer, 'message') ?? '', method: 'weblogUpdates.ping', members: answer }
}

/** weblogUpdates.extendedPing, or ping (without the feed URL) when the server lacks it. */
export async function extendedPing(client: XmlRpcClient, ping: ExtendedPing, opts: CallOpts = {}): Promise<PingResult> {
  const params: XmlRpcValue[] = [ping.name, ping.url, ping.changesUrl, ping.feedUrl]
  if (ping.tags !== undefined) params.push(ping.tags)
  try {
    const answer = await callForStruct(client, undefined, 'weblogUpdates.extendedPing', params, opts)
    return { message: readString(answer, 'message') ?? '', method: 'weblogUpdates.extendedPing', members: answer }
  } catch (e) {
    if (!(e instanceof UnsupportedError)) throw e
    return weblogPing(client, { name: ping.name, url: ping.url, changesUrl: ping.changesUrl }, opts)
  }
}

/** The endpoint a community's capabilities name for pings (`weblogUpdates {server, port, rpcPath}`). */
export function weblogUpdatesEndpoint(target: WeblogUpdatesTarget | undefined): string | null {
  if (!target?.server) return null
  if (target.protocol && !/^xml-?rpc$/i.test(target.protocol)) return null
  const host = /^[\w.-]+$/.test(target.server) ? target.server : null
  if (!host) return null
  const port = target.port && target.port !== 80 ? `:${target.port}` : ''
  const path = target.rpcPath ? (target.rpcPath.startsWith('/') ? target.rpcPath : `/${target.rpcPath}`) : '/RPC2'
  return `http://${host}${port}${path}`
}
