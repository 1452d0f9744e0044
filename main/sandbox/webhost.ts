import { XmlRpcFault } from '../xmlrpc/fault'
import { getMember } from '../xmlrpc/get-member'
import { struct, type XmlRpcValue } from '../xmlrpc/values'
import type { MethodRegistry, SandboxContext } from './context'
import { StoreRefusal } from './file-store'
import { extensionOf } from './limits'
import { arity, bytes, clip, SandboxFault, str, structParam } from './params'
import { checkRelativePath } from './paths'

// The extension a page gets when its relativePath has none, so it is served as what it is.
const EXTENSIONS: Record<string, string> = {
  'text/html': 'html',
  'text/plain': 'txt',
  'text/css': 'css',
  'text/xml': 'xml',
  'application/xml': 'xml',
  'application/rss+xml': 'rss',
  'text/x-opml': 'opml',
  'application/json': 'json',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
}

/**
 * The path a page is stored at: the server may change the extension (the seed says so), and this
 * one does when there is none, so a client that ignores the returned url is caught.
 */
export function storedPath(relativePath: string, mimeType: string): string {
  const ext = EXTENSIONS[mimeType.split(';')[0].trim().toLowerCase()]
  return extensionOf(relativePath) === '' && ext ? `${relativePath}.${ext}` : relativePath
}

/**
 * webHost.put(pageTable) per the webhost-rpc seed: member names read case-insensitively (the
 * seed's own sample sends `mimetype`), bytes always base64, returns {url}. Members sign in with
 * e-mail and clear password. Pages count toward the member's quota.
 */
export function registerWebHost(rpc: MethodRegistry, ctx: SandboxContext): void {
  rpc.register(
    'webHost.put',
    async (params: XmlRpcValue[]) => {
      arity('webHost.put', params, ['pageTable'])
      const table = structParam('pageTable', params[0])
      const username = str('pageTable.username', getMember(table, 'username'))
      const password = str('pageTable.password', getMember(table, 'password'))
      const pageBytes = bytes('pageTable.bytes', getMember(table, 'bytes'))
      const mimeType = str('pageTable.mimeType', getMember(table, 'mimeType')).trim()
      if (!/^[\w.+-]+\/[\w.+-]+( *;[ -~]*)?$/.test(mimeType))
        throw new XmlRpcFault(
          SandboxFault.invalidParams,
          `pageTable.mimeType must be a MIME type such as "text/html", not "${clip(mimeType)}".`,
        )
      const textToIndex = getMember(table, 'textToIndex')
      if (textToIndex !== undefined) str('pageTable.textToIndex', textToIndex)
      const path = storedPath(checkRelativePath(getMember(table, 'relativePath')), mimeType)
      const member = ctx.members.signIn(username, password)
      if (!member)
        throw new XmlRpcFault(
          SandboxFault.signIn,
          `Can't store the page: the username or password is incorrect for "${clip(username)}". Members sign in with their e-mail address and their password.`,
        )
      try {
        await ctx.files.put('webhost', member.usernum, path, pageBytes, ctx.limits, mimeType)
      } catch (e) {
        if (e instanceof StoreRefusal)
          throw new XmlRpcFault(e.kind === 'limit' ? SandboxFault.limit : SandboxFault.badPath, e.message)
        throw e
      }
      return struct({ url: ctx.baseUrl() + ctx.files.urlPath('webhost', member.usernum, path) })
    },
    {
      signature: [['struct', 'struct']],
      help: 'webHost.put(pageTable) → {url}. pageTable: {username (e-mail), password (clear), bytes (base64), mimeType, relativePath[, textToIndex]}; member names are read case-insensitively. A relativePath without an extension gets one from mimeType: always use the returned url.',
    },
  )
}
