import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, normalize, sep } from 'node:path'
import { mimeTypeFor } from '../app/mime'
import type { SandboxContext } from './context'

/** Serves what was published, at the URLs the XML-RPC methods returned. */
export async function serveFile(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  } catch {
    return notFound(res)
  }
  const file = normalize(join(ctx.dir, pathname))
  const inside = ['webhost', 'users', 'discuss'].some((top) => file.startsWith(join(ctx.dir, top) + sep))
  if (!inside || pathname.includes('\0')) return notFound(res)
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return notFound(res)
  const type = ctx.typeOf(file) ?? mimeTypeFor(file)
  res.writeHead(200, {
    'content-type': /^text\/|xml|json/.test(type) && !type.includes('charset') ? `${type}; charset=utf-8` : type,
    'content-length': info.size,
    'x-content-type-options': 'nosniff',
    'last-modified': info.mtime.toUTCString(),
  })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file).pipe(res)
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  res.end('Not found on the Upstream sandbox.')
}
