import { getMember } from '../xmlrpc/get-member'
import { struct, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import { credentials, type CommunityMember } from './community-session'
import { readString } from './read-members'

export interface StoragePing {
  /** 0 = signing on (Radio's convention); other values are the client's status. */
  status: number
  clientPort: number
  userinfo?: XmlRpcStruct
}

export interface StoragePingResult {
  message: string
  yourUpstreamFolderUrl: string | null
  /** RCS's cloud data, as sent (absent elsewhere). */
  cloudData: XmlRpcValue | null
  members: XmlRpcStruct
}

/** xmlStorageSystem.ping(usernum, password, status, clientPort, userinfo): "I'm here". */
export async function storagePing(
  member: CommunityMember,
  ping: StoragePing,
  opts: CallOpts = {},
): Promise<StoragePingResult> {
  const params = [...credentials(member), ping.status, ping.clientPort, ping.userinfo ?? struct()]
  const answer = await callForStruct(member.client, member.profile, 'xmlStorageSystem.ping', params, opts)
  return {
    message: readString(answer, 'message') ?? '',
    yourUpstreamFolderUrl: readString(answer, 'yourUpstreamFolderUrl') ?? null,
    cloudData: getMember(answer, 'cloudData') ?? null,
    members: answer,
  }
}
