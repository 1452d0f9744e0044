import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { RENDERER_CSP } from '../base/csp'
import { mimeTypeFor } from '../base/mime'

/** Serves the built renderer. Paths are confined to `root`; `/` serves index.html. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
  const file = normalize(join(root, relative))
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || relative.includes('\0')) {
    return send(res, 404, 'Not found')
  }
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return send(res, 404, 'Not found')
  res.writeHead(200, {
    'content-type': mimeTypeFor(extname(file)),
    'content-length': info.size,
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
  })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file).pipe(res)
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}
