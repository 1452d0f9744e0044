import type { XmlRpcStruct } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import type { CommunityServer } from './community-session'
import { readString } from './read-members'

/** xmlStorageSystem.mailPasswordToUser(email): the server mails the member their password (RCS only). */
export async function mailPasswordToUser(
  server: CommunityServer,
  email: string,
  opts: CallOpts = {},
): Promise<{ message: string; members: XmlRpcStruct }> {
  const answer = await callForStruct(
    server.client,
    server.profile,
    'xmlStorageSystem.mailPasswordToUser',
    [email],
    opts,
  )
  return { message: readString(answer, 'message') ?? '', members: answer }
}
