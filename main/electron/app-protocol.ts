import { protocol } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { RENDERER_CSP } from '../base/csp'
import { mimeTypeFor } from '../base/mime'

/** The renderer's origin: a real origin (not file://), so CSP 'self' and the sender check mean something. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'upstream'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_URL = `${APP_ORIGIN}/index.html`

/**
 * Must run before `ready`. standard: URLs parse with a host and relative URLs resolve; secure: a
 * secure context like https; supportFetchAPI: fetch() of app's own files (Monaco's workers). Nothing
 * more: no bypassCSP, no CORS, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** After `ready`: serve the built renderer from `root`. */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, appHandler(root))
}

export function appHandler(root: string): (request: Request) => Promise<Response> {
  const base = resolve(root)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return plain(404, 'Not found')
    const file = confine(base, url.pathname)
    if (!file) return plain(403, 'Forbidden')
    const found = await existingFile(base, file)
    // Paths without an extension are the app's own routes: answer with the shell page.
    const served = found ?? (extname(file) === '' ? await existingFile(base, resolve(base, 'index.html')) : null)
    if (!served) return plain(404, 'Not found')
    const body = request.method === 'HEAD' ? null : await readFile(served)
    return new Response(body, { status: 200, headers: headers(mimeTypeFor(served)) })
  }
}

/** The file a URL path names, or null when it would leave `base` (`..`, encoded separators, NUL). */
function confine(base: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = resolve(base, '.' + (decoded === '/' ? '/index.html' : decoded))
  return inside(base, file) ? file : null
}

/** The real path of a regular file still inside `base` after symlinks, else null. */
async function existingFile(base: string, file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return null
  const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)])
  return inside(realBase, realFile) ? realFile : null
}

function inside(base: string, file: string): boolean {
  const rel = relative(base, file)
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel)
}

function headers(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') })
}
