import type { IncomingMessage } from 'node:http'
import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'
import { capabilitiesFor, upstreamFolderUrl } from './capabilities'
import type { MethodRegistry, SandboxContext } from './context'
import { StoreRefusal } from './file-store'
import { extensionOf } from './limits'
import { isMd5Hex, type Member } from './members'
import { writePasswordMail } from './outbox'
import { arity, array, int, SandboxFault, str, utcDateTime } from './params'
import { checkRelativePath } from './paths'
import type { Subscription } from './subscriptions'

const NS = 'xmlStorageSystem'
const ok = (members: Record<string, XmlRpcValue>): XmlRpcStruct => struct({ flError: false, message: '', ...members })
const refused = (message: string, members: Record<string, XmlRpcValue> = {}): XmlRpcStruct =>
  struct({ flError: true, message, ...members })

/** A refusal the handler answers with an {flError: true} struct rather than a fault. */
class Refusal extends Error {
  constructor(readonly answer: XmlRpcStruct) {
    super(String(answer.message))
  }
}

const DIGEST_HINT =
  'The password parameter is the lowercase hex MD5 digest of the password (32 characters 0-9a-f), never the password itself.'

/**
 * The community server's storage namespace, PyCS semantics: 7-digit string usernums, passwords
 * as lowercase hex MD5 compared verbatim, sign-in failures as {flError: true, message}, bad calls
 * (wrong count or types of parameters) as faults, partial success in multi-file calls.
 */
export function registerXmlStorage(rpc: MethodRegistry, ctx: SandboxContext): void {
  /** Wraps a handler so that a Refusal becomes its flError struct. */
  const reg = (
    method: string,
    signature: string[][],
    help: string,
    handler: (params: XmlRpcValue[], req: IncomingMessage) => Promise<XmlRpcValue> | XmlRpcValue,
  ) =>
    rpc.register(
      `${NS}.${method}`,
      async (params, call) => {
        try {
          return await handler(params, call.req)
        } catch (e) {
          if (e instanceof Refusal) return e.answer
          throw e
        }
      },
      { signature, help },
    )

  function account(params: XmlRpcValue[]): Member {
    const usernum = params[0]
    const password = str('password', params[1])
    if (typeof usernum !== 'string') {
      throw new XmlRpcFault(
        SandboxFault.invalidParams,
        `usernum must be the string registerUser returned (like "0012345"), exactly as returned, not ${typeof usernum === 'number' ? `the int ${usernum}` : 'that'}.`,
      )
    }
    const member = ctx.members.signInWithDigest(usernum, password)
    if (member) return member
    if (!ctx.members.byUsernum(usernum))
      throw new Refusal(
        refused(`There is no member with usernum "${usernum}" on this server. Call registerUser first.`),
      )
    throw new Refusal(
      refused(`The password is incorrect for usernum ${usernum}.${isMd5Hex(password) ? '' : ' ' + DIGEST_HINT}`),
    )
  }

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
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) return refused(`"${email}" is not an e-mail address.`, { usernum: '' })
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

  const saveHelp = (name: string) =>
    `${name}(usernum, password, relativepathList, fileTextList) → {yourUpstreamFolderUrl, flError, message, urlList}. Files are base64 (or strings, stored as UTF-8). A file that breaks a rule gets '' in urlList and its reason in message (flError true); the others are stored.`
  const save = async (params: XmlRpcValue[]): Promise<XmlRpcValue> => {
    arity(`${NS}.saveMultipleFiles`, params, ['usernum', 'password', 'relativepathList', 'fileTextList'])
    const paths = array('relativepathList', params[2]).map((p, i) => str(`relativepathList[${i}]`, p))
    const texts = array('fileTextList', params[3]).map((t, i) => {
      if (t instanceof Uint8Array) return t
      return Buffer.from(str(`fileTextList[${i}] (base64 or string)`, t), 'utf8')
    })
    if (paths.length !== texts.length)
      throw new XmlRpcFault(
        SandboxFault.invalidParams,
        `relativepathList has ${paths.length} paths but fileTextList has ${texts.length} files.`,
      )
    const member = account(params)
    // Paths and extensions first, then one store call for the rest (one index save per call).
    const outcome: (string | StoreRefusal | XmlRpcFault)[] = paths.map((path) => {
      try {
        const rel = checkRelativePath(path)
        const ext = extensionOf(rel)
        const legal = ctx.limits.legalFileExtensions
        if (legal.length > 0 && !legal.includes(ext)) {
          return new StoreRefusal(
            'limit',
            `${rel}: "${ext ? `.${ext}` : 'no extension'}" is not a legal file extension here (${legal.join(', ')}).`,
          )
        }
        return rel
      } catch (e) {
        if (e instanceof XmlRpcFault) return e
        throw e
      }
    })
    const admitted = outcome.flatMap((o, i) => (typeof o === 'string' ? [i] : []))
    const refusals = await ctx.files.putMany(
      'users',
      member.usernum,
      admitted.map((i) => ({ rel: outcome[i] as string, bytes: texts[i] })),
      ctx.limits,
    )
    admitted.forEach((i, k) => {
      if (refusals[k]) outcome[i] = refusals[k]
    })
    const urlList = outcome.map((o) =>
      typeof o === 'string' ? ctx.baseUrl() + ctx.files.urlPath('users', member.usernum, o) : '',
    )
    const problems = outcome.flatMap((o) =>
      typeof o === 'string' ? [] : [o instanceof XmlRpcFault ? o.faultString : o.message],
    )
    const stored = urlList.filter(Boolean).length
    return struct({
      yourUpstreamFolderUrl: upstreamFolderUrl(ctx, member.usernum),
      flError: problems.length > 0,
      message:
        problems.length > 0
          ? `Stored ${stored} of ${paths.length} files. ${problems.join(' ')}`
          : `Stored ${stored} file${stored === 1 ? '' : 's'}.`,
      urlList,
    })
  }
  const saveSignature = [['struct', 'string', 'string', 'array', 'array']]
  // The seed's name and the name every real server uses: one handler answers both.
  reg('saveMultipleFiles', saveSignature, saveHelp('saveMultipleFiles'), save)
  reg(
    'sendMultipleFiles',
    saveSignature,
    saveHelp('sendMultipleFiles') + ' The same method as saveMultipleFiles.',
    save,
  )

  reg(
    'deleteMultipleFiles',
    [['struct', 'string', 'string', 'array']],
    'deleteMultipleFiles(usernum, password, relativepathList) → {errorList, flError, message}; errorList has one string per path, empty when that file was deleted.',
    async (params) => {
      arity(`${NS}.deleteMultipleFiles`, params, ['usernum', 'password', 'relativepathList'])
      const paths = array('relativepathList', params[2]).map((p, i) => str(`relativepathList[${i}]`, p))
      const member = account(params)
      const errorList: string[] = []
      for (const path of paths) {
        try {
          const rel = checkRelativePath(path)
          errorList.push((await ctx.files.remove('users', member.usernum, rel)) ? '' : `${rel}: there is no such file.`)
        } catch (e) {
          if (!(e instanceof XmlRpcFault)) throw e
          errorList.push(e.faultString)
        }
      }
      const problems = errorList.filter(Boolean)
      return struct({
        errorList,
        flError: problems.length > 0,
        message:
          problems.length > 0 ? problems.join(' ') : `Deleted ${paths.length} file${paths.length === 1 ? '' : 's'}.`,
      })
    },
  )

  reg(
    'getServerCapabilities',
    [['struct', 'string', 'string']],
    'getServerCapabilities(usernum, password) → {flError, message, yourUpstreamFolderUrl, ctBytesInUse, maxBytesPerUser, maxFileSize, legalFileExtensions, weblogUpdates{server, port, protocol, rpcPath}, community{…}, urlRankingsByPageReads, urlReferers, urlSpamFreeMailto, urlWeblogUpdates, webBugUrl}.',
    (params) => {
      arity(`${NS}.getServerCapabilities`, params, ['usernum', 'password'])
      return capabilitiesFor(ctx, account(params))
    },
  )

  reg(
    'getMyDirectory',
    [['struct', 'string', 'string']],
    'getMyDirectory(usernum, password) → {flError, message, directory}; directory has members file00001, file00002… each {relativePath, size, whenCreated, whenLastUploaded, url}, in path order.',
    (params) => {
      arity(`${NS}.getMyDirectory`, params, ['usernum', 'password'])
      const member = account(params)
      const directory = struct()
      ctx.files.list('users', member.usernum).forEach((f, i) => {
        directory[`file${String(i + 1).padStart(5, '0')}`] = struct({
          relativePath: f.relativePath,
          size: f.size,
          whenCreated: utcDateTime(f.whenCreated),
          whenLastUploaded: utcDateTime(f.whenLastUploaded),
          url: ctx.baseUrl() + ctx.files.urlPath('users', member.usernum, f.relativePath),
        })
      })
      return ok({ directory })
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
      if (!member) return refused(`There is no member with the e-mail address "${email}".`)
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
      const member = account(params)
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
    const port = int('port', params[1])
    const rpcPath = str('path', params[2])
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
        `The sandbox calls back over "xml-rpc" only, not "${protocol}".`,
      )
    if (urls.length === 0)
      throw new XmlRpcFault(SandboxFault.invalidParams, 'urlList is empty: there is nothing to watch.')
    const foreign = urls.filter((u) => !isOurs(ctx, u))
    if (foreign.length > 0)
      throw new XmlRpcFault(
        SandboxFault.invalidParams,
        `The sandbox can only watch its own URLs (${ctx.baseUrl()}/…), not ${foreign.join(', ')}.`,
      )
    await ctx.subscriptions.add(
      {
        address: callerAddress(req),
        port,
        rpcPath: rpcPath.startsWith('/') ? rpcPath : `/${rpcPath}`,
        procedure,
        via: method,
      },
      urls,
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

/** The caller's IP address as a URL host part would need it (IPv4-mapped IPv6 unwrapped). */
export function callerAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1'
  return address.startsWith('::ffff:') ? address.slice(7) : address
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
