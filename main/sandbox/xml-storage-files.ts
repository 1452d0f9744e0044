import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcValue } from '../xmlrpc/values'
import { upstreamFolderUrl } from './capabilities'
import type { SandboxContext } from './context'
import { StoreRefusal } from './file-store'
import { extensionOf } from './limits'
import { arity, array, clip, SandboxFault, str, utcDateTime } from './params'
import { checkRelativePath } from './paths'
import { account, NS, ok, type StorageRegistrar } from './xml-storage-common'

/** saveMultipleFiles (and its other name), deleteMultipleFiles, getMyDirectory: the member's files. */
export function registerStorageFiles(reg: StorageRegistrar, ctx: SandboxContext): void {
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
    const member = account(ctx, params)
    // Paths and extensions first, then one store call for the rest (one index save per call).
    const outcome: (string | StoreRefusal | XmlRpcFault)[] = paths.map((path) => {
      try {
        const rel = checkRelativePath(path)
        const ext = extensionOf(rel)
        const legal = ctx.limits.legalFileExtensions
        if (legal.length > 0 && !legal.includes(ext)) {
          return new StoreRefusal(
            'limit',
            `${clip(rel)}: "${ext ? `.${clip(ext, 20)}` : 'no extension'}" is not a legal file extension here (${legal.join(', ')}).`,
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
      const member = account(ctx, params)
      const errorList: string[] = []
      for (const path of paths) {
        try {
          const rel = checkRelativePath(path)
          errorList.push(
            (await ctx.files.remove('users', member.usernum, rel)) ? '' : `${clip(rel)}: there is no such file.`,
          )
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
    'getMyDirectory',
    [['struct', 'string', 'string']],
    'getMyDirectory(usernum, password) → {flError, message, directory}; directory has members file00001, file00002… each {relativePath, size, whenCreated, whenLastUploaded, url}, in path order.',
    (params) => {
      arity(`${NS}.getMyDirectory`, params, ['usernum', 'password'])
      const member = account(ctx, params)
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
}
