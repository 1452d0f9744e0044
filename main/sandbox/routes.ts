import type { IncomingMessage, ServerResponse } from 'node:http'
import { COMMENTS_PATH, WEBLOG_UPDATES_PATH } from './capabilities'
import type { Comments } from './comments'
import type { SandboxContext } from './context'
import { groupPath } from './discuss'
import { serveDiscuss } from './discuss-pages'
import { html, sendPage } from './html'
import { serveFile } from './http-files'
import type { WeblogUpdates } from './weblog-updates'

/** Everything but /RPC2: published files, discussion pages, comments, the weblog updates list. */
export async function route(
  ctx: SandboxContext,
  comments: Comments,
  updates: WeblogUpdates,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  if (url.pathname === COMMENTS_PATH && (req.method === 'GET' || req.method === 'HEAD' || req.method === 'POST'))
    return comments.handle(req, res, url, ctx.port())
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
    return void res.end('The Upstream sandbox answers XML-RPC at POST /RPC2; everything else is read with GET.')
  }
  const segments = url.pathname.split('/').slice(1)
  if (url.pathname === '/') return sendHome(ctx, res)
  if (url.pathname === WEBLOG_UPDATES_PATH) return sendUpdates(res, updates)
  if (segments[0] === 'discuss') {
    let decoded: string[]
    try {
      decoded = segments.slice(1).map(decodeURIComponent)
    } catch {
      return notFound(res)
    }
    if (await serveDiscuss(ctx, res, decoded)) return
  } else if (await serveFile(ctx, res, url.pathname)) return
  notFound(res)
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  res.end('Not found on the Upstream sandbox.')
}

function sendHome(ctx: SandboxContext, res: ServerResponse): void {
  sendPage(
    res,
    ctx.title,
    html`<h1>${ctx.title}</h1>
<p>A local community server for testing XML-RPC clients. Endpoint: <code>${ctx.baseUrl()}/RPC2</code> (try <code>system.listMethods</code>).</p>
<h2>Discussion groups</h2><ul>${ctx.discussions.names().map((n) => html`<li><a href="${groupPath(n)}">${n}</a></li>`)}</ul>
<p><a href="${WEBLOG_UPDATES_PATH}">Recently updated weblogs</a> · ${ctx.members.all().length} members</p>`,
  )
}

function sendUpdates(res: ServerResponse, updates: WeblogUpdates): void {
  const list = updates.recent()
  sendPage(
    res,
    'Recently updated weblogs',
    html`<h1>Recently updated weblogs</h1><p class="meta">Pinged through weblogUpdates.ping and extendedPing, most recent first.</p>
${list.length === 0 ? html`<p>No pings yet.</p>` : html`<table>${list.map((u) => html`<tr><td><a href="${u.url}" rel="nofollow">${u.name}</a></td><td class="meta">${u.when}</td><td class="meta">${u.feedUrl ? html`<a href="${u.feedUrl}" rel="nofollow">feed</a>` : ''}</td></tr>`)}</table>`}`,
  )
}
