import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { XmlRpcFault } from '../xmlrpc/fault'
import { getMember, isStruct } from '../xmlrpc/get-member'
import { struct, type XmlRpcValue } from '../xmlrpc/values'
import type { Members } from './members'
import { checkRelativePath, urlPath } from './paths'
import type { SandboxContext } from './context'

/** Where webHost.put stores a member's pages, and the URL that serves them. */
export const webhostDir = (ctx: SandboxContext, usernum: string): string => join(ctx.dir, 'webhost', usernum)
export const webhostUrl = (ctx: SandboxContext, usernum: string, path: string): string => `${ctx.baseUrl()}/webhost/${usernum}/${urlPath(path)}`

const text = (v: XmlRpcValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * webHost.put(pageTable) per the webhost-rpc seed: member names read case-insensitively (the
 * seed's own sample sends `mimetype`), bytes always base64, returns {url}.
 */
export function webHostPut(ctx: SandboxContext, members: Members) {
  return async (params: XmlRpcValue[]): Promise<XmlRpcValue> => {
    const table = params[0]
    if (params.length !== 1 || !isStruct(table)) throw new XmlRpcFault(-32602, 'webHost.put takes one parameter, the pageTable struct.')
    const username = text(getMember(table, 'username'))
    const password = text(getMember(table, 'password'))
    if (username === undefined || password === undefined) throw new XmlRpcFault(-32602, 'pageTable needs username and password strings.')
    const member = members.signIn(username, password)
    if (!member) throw new XmlRpcFault(4, `Can't store the page: the username or password is incorrect for "${username}".`)
    const bytes = getMember(table, 'bytes')
    if (!(bytes instanceof Uint8Array)) throw new XmlRpcFault(-32602, 'pageTable.bytes must be base64.')
    const mimeType = text(getMember(table, 'mimeType'))
    if (!mimeType) throw new XmlRpcFault(-32602, 'pageTable.mimeType must be a string such as "text/html".')
    const path = checkRelativePath(getMember(table, 'relativePath'))
    if (bytes.length > ctx.limits.maxFileSize) throw new XmlRpcFault(6, `The page is ${bytes.length} bytes; this server accepts at most ${ctx.limits.maxFileSize}.`)
    const target = join(webhostDir(ctx, member.usernum), path)
    await mkdir(dirname(target), { recursive: true })
    const temp = `${target}.${process.pid}.tmp`
    await writeFile(temp, bytes)
    await rename(temp, target)
    await ctx.recordType(target, mimeType)
    return struct({ url: webhostUrl(ctx, member.usernum, path) })
  }
}
