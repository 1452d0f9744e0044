import type { Account } from '../../shared/model'
import { defaultProfile } from '../../shared/server-profile'
import type { CommunityMember } from '../protocols/community-session'
import { detectServerProfile } from '../protocols/server-profile-detect'
import type { XmlRpcClient } from '../xmlrpc/client'
import type { SyncState } from './sync-state'

/** What a weblog needs of a community account. */
export interface SiteAccount {
  id: string
  name: string
  /** The community server's XML-RPC endpoint. */
  url: string
  /** Exactly as registerUser returned it, type included. */
  usernum: string | number
}

export function siteAccountOf(account: Account): SiteAccount {
  if (account.kind !== 'community')
    throw new RangeError(
      `"${account.name}" is a ${account.kind} account; weblogs are upstreamed to community-server accounts.`,
    )
  if (account.usernum === undefined || account.usernum === '')
    throw new RangeError(`"${account.name}" has no usernum yet: register with the community server first.`)
  return { id: account.id, name: account.name, url: account.url, usernum: account.usernum }
}

/**
 * The member session for this sync, with the server profile the state remembers (learned on first
 * contact by system.listMethods: the upload method's name, whether rssPleaseNotify exists).
 * What calls learn later lands in the state and is saved with it.
 */
export async function memberFor(
  account: SiteAccount,
  password: string,
  client: XmlRpcClient,
  state: SyncState,
): Promise<CommunityMember> {
  const server = state.server!
  if (!server.profile?.detectedAt)
    server.profile = await detectServerProfile(client, server.profile ?? defaultProfile())
  return {
    client,
    profile: server.profile,
    usernum: account.usernum,
    password,
    onProfileChange: (profile) => {
      server.profile = profile
    },
  }
}
