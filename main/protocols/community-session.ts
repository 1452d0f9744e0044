import type { ServerProfile } from '../../shared/server-profile'
import type { XmlRpcClient } from '../xmlrpc/client'
import { storagePassword } from './password-digest'

/** As the server returned it, type included (PyCS: an int; UserLand: "0122027"; Virtuoso: the e-mail). */
export type Usernum = string | number

/** A community server before registration. */
export interface CommunityServer {
  client: XmlRpcClient
  profile: ServerProfile
  /** Told when a call learns something (the other registerUser arity, the other upload name). */
  onProfileChange?: (profile: ServerProfile) => void
}

/** A registered member: the first two params of most xmlStorageSystem calls. */
export interface CommunityMember extends CommunityServer {
  usernum: Usernum
  /** The clear password; only its digest goes on the wire. */
  password: string
}

/** Records what a call learned about the server, so the next call starts right. */
export function learn(server: CommunityServer, patch: Partial<ServerProfile>): void {
  server.profile = { ...server.profile, ...patch }
  server.onProfileChange?.(server.profile)
}

export function credentials(member: CommunityMember): [Usernum, string] {
  return [member.usernum, storagePassword(member.profile, member.password)]
}
