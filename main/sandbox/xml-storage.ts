import { struct } from '../xmlrpc/values'
import { capabilitiesFor, upstreamFolderUrl } from './capabilities'
import type { MethodRegistry, SandboxContext } from './context'
import { isMd5Hex } from './members'
import { writePasswordMail } from './outbox'
import { arity, clip, int, str, utcDateTime } from './params'
import { account, callerAddress, DIGEST_HINT, NS, ok, refused, storageRegistrar } from './xml-storage-common'
import { registerStorageFiles } from './xml-storage-files'
import { registerStorageNotify } from './xml-storage-notify'

/**
 * The community server's storage namespace, PyCS semantics: 7-digit string usernums, passwords
 * as lowercase hex MD5 compared verbatim, sign-in failures as {flError: true, message}, bad calls
 * (wrong count or types of parameters) as faults, partial success in multi-file calls.
 */
export function registerXmlStorage(rpc: MethodRegistry, ctx: SandboxContext): void {
  const reg = storageRegistrar(rpc)
  reg(
    'registerUser',
    [
      ['struct', 'string', 'string', 'string', 'int', 'string'],
      ['struct', 'string', 'string', 'string', 'int', 'string', 'string'],
    ],
    'registerUser(email, name, password, clientPort, userAgent[, serialNumber]) → {usernum, flError, message}. password is the lowercase hex MD5 of the password. Registering an e-mail again with the same password returns its usernum.',
    async (params) => {
      arity(`${NS}.registerUser`, params, ['email', 'name', 'password', 'clientPort', 'userAgent', 'serialNumber'], 1)
      const email = str('email', params[0]).trim()
      const name = str('name', params[1])
      const digest = str('password', params[2])
      const clientPort = int('clientPort', params[3])
      const userAgent = str('userAgent', params[4])
      const serialNumber = params.length === 6 ? str('serialNumber', params[5]) : undefined
      if (!/^[^@\s]+@[^@\s]+$/.test(email))
        return refused(`"${clip(email)}" is not an e-mail address.`, { usernum: '' })
      if (!isMd5Hex(digest)) return refused(`Can't register ${email}: ${DIGEST_HINT}`, { usernum: '' })
      const existing = ctx.members.byEmail(email)
      if (existing) {
        if (existing.digest !== digest)
          return refused(`${email} is already registered here with a different password.`, { usernum: '' })
        return ok({ usernum: existing.usernum, message: `${email} was already registered; here is its usernum.` })
      }
      const member = await ctx.members.register({
        email,
        name: name.trim() || email.split('@')[0],
        digest,
        clientPort,
        userAgent,
        ...(serialNumber !== undefined ? { serialNumber } : {}),
      })
      return ok({ usernum: member.usernum, message: `Welcome, ${member.name}. Your usernum is ${member.usernum}.` })
    },
  )

  reg(
    'getServerCapabilities',
    [['struct', 'string', 'string']],
    'getServerCapabilities(usernum, password) → {flError, message, yourUpstreamFolderUrl, ctBytesInUse, maxBytesPerUser, maxFileSize, legalFileExtensions, weblogUpdates{server, port, protocol, rpcPath}, community{…}, urlRankingsByPageReads, urlReferers, urlSpamFreeMailto, urlWeblogUpdates, webBugUrl}.',
    (params) => {
      arity(`${NS}.getServerCapabilities`, params, ['usernum', 'password'])
      return capabilitiesFor(ctx, account(ctx, params))
    },
  )

  reg(
    'mailPasswordToUser',
    [['struct', 'string']],
    'mailPasswordToUser(email) → {flError, message}. The sandbox writes the mail to <data>/outbox/ instead of sending it.',
    async (params) => {
      arity(`${NS}.mailPasswordToUser`, params, ['email'])
      const email = str('email', params[0])
      const member = ctx.members.byEmail(email)
      if (!member) return refused(`There is no member with the e-mail address "${clip(email)}".`)
      const file = await writePasswordMail(ctx.dir, member, ctx.title, ctx.baseUrl(), ctx.now())
      return ok({ message: `A message for ${member.email} is in the sandbox's outbox (outbox/${file}).` })
    },
  )

  reg(
    'ping',
    [['struct', 'string', 'string', 'int', 'int', 'struct']],
    'ping(usernum, password, status, clientPort, userinfo) → {flError, message, yourUpstreamFolderUrl, cloudData}. status 0 means signing on. cloudData holds serverTime and, after the first, whenLastPing.',
    async (params, req) => {
      arity(`${NS}.ping`, params, ['usernum', 'password', 'status', 'clientPort', 'userinfo'])
      const status = int('status', params[2])
      const clientPort = int('clientPort', params[3])
      const member = account(ctx, params)
      const previous = member.lastPing
      const now = ctx.now()
      await ctx.members.update(member, {
        lastPing: { when: now.toISOString(), status, clientPort, address: callerAddress(req) },
      })
      const cloudData = struct({ serverTime: utcDateTime(now) })
      if (previous) cloudData.whenLastPing = utcDateTime(previous.when)
      return ok({
        message: status === 0 ? `Welcome back, ${member.name}.` : 'Thanks for the ping.',
        yourUpstreamFolderUrl: upstreamFolderUrl(ctx, member.usernum),
        cloudData,
      })
    },
  )
  registerStorageFiles(reg, ctx)
  registerStorageNotify(reg, ctx)
}
