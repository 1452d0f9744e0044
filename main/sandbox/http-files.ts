import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { mimeTypeFor } from '../base/mime'
import type { SandboxContext } from './context'
import type { Space } from './file-store'
import { html, sendPage } from './html'
import { extensionOf } from './limits'

/**
 * What every byte a member uploaded is served with: no sniffing into another type, and a CSP
 * sandbox, so a page or an SVG that carries a script runs it (if at all) in an opaque origin,
 * never with the sandbox's own (where /comments and the XML-RPC endpoint live).
 */
export const MEMBER_CONTENT_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': 'sandbox',
} as const

/**
 * Serves what was published, at the URLs the XML-RPC methods returned: /users/USERNUM/PATH
 * (xmlStorageSystem) and /webhost/USERNUM/PATH (webHost.put). Only indexed files are served, so no
 * path can reach the rest of the data directory. A folder URL serves its index.html, or a listing.
 * Returns false when the path names nothing.
 */
export async function serveFile(ctx: SandboxContext, res: ServerResponse, pathname: string): Promise<boolean> {
  if (pathname.endsWith('/')) return serveFolder(ctx, res, pathname)
  const found = ctx.files.resolve(pathname)
  if (!found) return false
  const info = await stat(found.file).catch(() => null)
  if (!info?.isFile()) return false
  // The type comes from the extension, by the allow-list (limits.ts), never from the uploader.
  const type = ctx.limits.legalFileExtensions.includes(extensionOf(found.file))
    ? mimeTypeFor(found.file)
    : 'application/octet-stream'
  res.writeHead(200, {
    'content-type': /^text\/|xml|json/.test(type) && !type.includes('charset') ? `${type}; charset=utf-8` : type,
    'content-length': info.size,
    ...MEMBER_CONTENT_HEADERS,
    'last-modified': info.mtime.toUTCString(),
  })
  if (res.req.method === 'HEAD') res.end()
  else createReadStream(found.file).pipe(res)
  return true
}

async function serveFolder(ctx: SandboxContext, res: ServerResponse, pathname: string): Promise<boolean> {
  if (ctx.files.resolve(`${pathname}index.html`)) return serveFile(ctx, res, `${pathname}index.html`)
  const [, space, usernum, ...rest] = pathname.split('/')
  if ((space !== 'users' && space !== 'webhost') || !usernum || !ctx.members.byUsernum(usernum)) return false
  let prefix: string
  try {
    prefix = rest.map(decodeURIComponent).join('/')
  } catch {
    return false
  }
  const files = ctx.files.list(space as Space, usernum).filter((f) => f.relativePath.startsWith(prefix))
  if (files.length === 0 && prefix !== '') return false
  sendPage(
    res,
    pathname,
    html`<h1>${pathname}</h1><p class="meta">Published on the Upstream sandbox; no index.html here.</p>
<table>${files.map((f) => html`<tr><td><a href="${ctx.files.urlPath(space as Space, usernum, f.relativePath)}">${f.relativePath.slice(prefix.length)}</a></td><td class="meta">${f.size} bytes</td><td class="meta">${f.whenLastUploaded}</td></tr>`)}</table>`,
  )
  return true
}
