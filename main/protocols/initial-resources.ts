import type { XmlRpcClient } from '../xmlrpc/client'
import type { XmlRpcStruct } from '../xmlrpc/values'
import type { ServerProfile } from '../../shared/server-profile'
import { callForStruct, type CallOpts } from './call-server'
import { readString } from './read-members'

export interface InitialResources {
  /** Every server sends it (Radio forms comment links from it). */
  commentsPageUrl?: string
  /** Every string member, by name: PyCS adds trackbackPageUrl and one per OPML resource. */
  links: Record<string, string>
  members: XmlRpcStruct
}

/** radioCommunityServer.getInitialResources(): a struct of named URLs, each optional. */
export async function getInitialResources(
  client: XmlRpcClient,
  profile?: ServerProfile,
  opts: CallOpts = {},
): Promise<InitialResources> {
  const answer = await callForStruct(client, profile, 'radioCommunityServer.getInitialResources', [], opts)
  // No prototype: a member named __proto__ is just a name.
  const links = Object.create(null) as Record<string, string>
  for (const key of Object.keys(answer)) {
    const v = answer[key]
    if (typeof v === 'string') links[key] = v
  }
  const commentsPageUrl = readString(answer, 'commentsPageUrl')
  return { ...(commentsPageUrl === undefined ? {} : { commentsPageUrl }), links, members: answer }
}
