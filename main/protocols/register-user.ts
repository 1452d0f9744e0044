import type { ServerProfile } from '../../shared/server-profile'
import { USER_AGENT } from '../base/version'
import { ProtocolError } from '../xmlrpc/errors'
import { getMember } from '../xmlrpc/get-member'
import type { XmlRpcStruct, XmlRpcValue } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import { CommunityError } from './community-error'
import { learn, type CommunityServer, type Usernum } from './community-session'
import { registrationPassword } from './password-digest'
import { readString } from './read-members'

export interface Registration {
  email: string
  name: string
  /** Clear text; sent as the profile says (MD5 digest unless the server wants clear text). */
  password: string
  /** Where the client listens (Radio's port); 0 when there is none. */
  clientPort: number
  userAgent?: string
  /** The 6th param of the spec's registerUser; '' when absent. */
  serialNumber?: string
}

export interface Registered {
  /** Exactly as returned, type included: store it so. */
  usernum: Usernum
  message: string
  members: XmlRpcStruct
  /** The profile after the call (the arity that worked). */
  profile: ServerProfile
}

const METHOD = 'xmlStorageSystem.registerUser'

/**
 * registerUser with the profile's arity; on a parameter-count fault, once more with the other
 * (PyCS takes exactly 5 params, the spec and most servers 6), and the profile learns it.
 */
export async function registerUser(
  server: CommunityServer,
  reg: Registration,
  opts: CallOpts = {},
): Promise<Registered> {
  const first = server.profile.registerUserArity
  let answer: XmlRpcStruct
  try {
    answer = await callForStruct(server.client, server.profile, METHOD, paramsFor(server.profile, reg, first), opts)
  } catch (e) {
    if (!(e instanceof CommunityError && e.channel === 'fault' && e.faultKind === 'wrong-param-count')) throw e
    const other = first === 5 ? 6 : 5
    answer = await callForStruct(server.client, server.profile, METHOD, paramsFor(server.profile, reg, other), opts)
    learn(server, { registerUserArity: other })
  }
  const usernum = getMember(answer, 'usernum')
  if (!isUsernum(usernum)) throw new ProtocolError(`${METHOD} answered without a usernum.`, {}, server.client.url)
  return { usernum, message: readString(answer, 'message') ?? '', members: answer, profile: server.profile }
}

function paramsFor(profile: ServerProfile, reg: Registration, arity: 5 | 6): XmlRpcValue[] {
  const params: XmlRpcValue[] = [
    reg.email,
    reg.name,
    registrationPassword(profile, reg.password),
    reg.clientPort,
    reg.userAgent ?? USER_AGENT,
  ]
  if (arity === 6) params.push(reg.serialNumber ?? '')
  return params
}

function isUsernum(v: XmlRpcValue | undefined): v is Usernum {
  return (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v !== '')
}
