import type { ServerProfile } from '../../shared/server-profile'
import { defaultProfile } from '../../shared/server-profile'
import type { XmlRpcClient } from '../xmlrpc/client'
import { XmlRpcFault } from '../xmlrpc/fault'
import type { XmlRpcValue } from '../xmlrpc/values'
import type { CallOpts } from './call-server'
import { isMethodNotFound } from './unsupported'

/**
 * First contact: what the server says about itself. system.listMethods gives the optional
 * methods and the upload method's name; system.methodSignature, when it answers with real
 * signatures, gives registerUser's arity. Anything the server won't say keeps `base`'s value (the
 * call-time fallbacks learn the rest). Transport errors propagate: "unreachable" is not "old".
 */
export async function detectServerProfile(
  client: XmlRpcClient,
  base: ServerProfile = defaultProfile(),
  opts: CallOpts & { now?: () => Date } = {},
): Promise<ServerProfile> {
  const { now = () => new Date(), ...callOpts } = opts
  const profile: ServerProfile = { ...base, methods: null, detectedAt: now().toISOString() }
  const listed = await ask(client, 'system.listMethods', [], callOpts)
  if (!Array.isArray(listed) || !listed.every((m) => typeof m === 'string')) return profile
  const methods = listed as string[]
  profile.methods = methods
  const has = (name: string) => methods.some((m) => m.toLowerCase() === name.toLowerCase())
  if (has('xmlStorageSystem.saveMultipleFiles')) profile.uploadMethod = 'saveMultipleFiles'
  else if (has('xmlStorageSystem.sendMultipleFiles')) profile.uploadMethod = 'sendMultipleFiles'
  if (has('xmlStorageSystem.registerUser') && has('system.methodSignature')) {
    const arities = signatureArities(
      await ask(client, 'system.methodSignature', ['xmlStorageSystem.registerUser'], callOpts),
    )
    if (!arities.includes(profile.registerUserArity)) {
      if (arities.includes(5)) profile.registerUserArity = 5
      else if (arities.includes(6)) profile.registerUserArity = 6
    }
  }
  return profile
}

/** The answer, or undefined when the server faulted or lacks the method (it just can't tell us). */
async function ask(
  client: XmlRpcClient,
  method: string,
  params: XmlRpcValue[],
  opts: CallOpts,
): Promise<XmlRpcValue | undefined> {
  try {
    return await client.call(method, params, opts)
  } catch (e) {
    if (e instanceof XmlRpcFault || isMethodNotFound(e)) return undefined
    throw e
  }
}

/** Param counts from a methodSignature answer; [] for "unknown" ('undef', a flat array, a string). */
function signatureArities(v: XmlRpcValue | undefined): number[] {
  if (!Array.isArray(v) || !v.every((sig) => Array.isArray(sig) && sig.length > 0)) return []
  return v.map((sig) => (sig as XmlRpcValue[]).length - 1)
}
