import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import type { SandboxContext } from './context'
import { enclosurePath, groupPath, messagePath } from './discuss'
import type { Group, Message } from './discuss-store'
import { html, sendPage } from './html'
import { MEMBER_CONTENT_HEADERS } from './http-files'

/**
 * Discussion groups on the web: /discuss/GROUP/ (newest first), /discuss/GROUP/MSGNUM (the message,
 * its bodies shown as text), /discuss/GROUP/MSGNUM/enclosures/N/NAME (the bytes, with their type).
 * Returns false when the path names nothing here.
 */
export async function serveDiscuss(ctx: SandboxContext, res: ServerResponse, segments: string[]): Promise<boolean> {
  const [groupName, msgnum, what, n, ...rest] = segments
  const group = groupName === undefined ? undefined : ctx.discussions.find(groupName)
  if (!group) return false
  if (msgnum === undefined || msgnum === '') {
    sendGroupPage(res, group)
    return true
  }
  const message = group.get(msgnum)
  if (!message) return false
  if (what === undefined) {
    sendMessagePage(res, group, message)
    return true
  }
  const enclosure =
    what === 'enclosures' && rest.length <= 1 ? message.enclosures.find((e) => String(e.n) === n) : undefined
  if (!enclosure) return false
  const file = group.enclosureFile(message.msgnum, enclosure.n)
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return false
  res.writeHead(200, {
    'content-type': enclosure.type,
    'content-length': info.size,
    // Downloaded, not rendered on the sandbox's origin: an enclosure may be any type at all.
    'content-disposition': `attachment; filename="${enclosure.fileName}"`,
    ...MEMBER_CONTENT_HEADERS,
  })
  if (res.req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
  return true
}

function sendGroupPage(res: ServerResponse, group: Group): void {
  const messages = group.newestFirst()
  sendPage(
    res,
    `${group.name} — discussion group`,
    html`<h1>${group.name}</h1><p class="meta">A discussion group on the Upstream sandbox. ${messages.length} message${messages.length === 1 ? '' : 's'}, newest first.</p>
<table>${messages.map((m) => html`<tr><td><a href="${messagePath(group.name, m.msgnum)}">${m.title}</a></td><td class="meta">${m.authorName}</td><td class="meta">${m.whenCreated}</td></tr>`)}</table>`,
  )
}

function sendMessagePage(res: ServerResponse, group: Group, m: Message): void {
  const parent = m.inResponseTo === 0 ? undefined : group.get(m.inResponseTo)
  const replies = group.replies(m.msgnum)
  sendPage(
    res,
    m.title,
    html`<p class="meta"><a href="${groupPath(group.name)}">${group.name}</a> · message ${m.msgnum}</p>
<h1>${m.title}</h1>
<p class="meta">By ${m.authorName} &lt;${m.author}&gt;, ${m.whenCreated}${m.whenLastSaved !== m.whenCreated ? `, last saved ${m.whenLastSaved}` : ''}.
${parent ? html` In response to <a href="${messagePath(group.name, parent.msgnum)}">${parent.title}</a>.` : ''}</p>
<div class="body">${m.body}</div>
${m.enclosures.length > 0 ? html`<h2>Enclosures</h2><ul>${m.enclosures.map((e) => html`<li><a href="${enclosurePath(group.name, m.msgnum, e)}">${e.fileName}</a> <span class="meta">${e.type}, ${e.size} bytes, for ${e.address}</span>${e.type.startsWith('image/') ? html`<br><img src="${enclosurePath(group.name, m.msgnum, e)}" alt="${e.fileName}" style="max-width:100%">` : ''}</li>`)}</ul>` : ''}
${replies.length > 0 ? html`<h2>Replies</h2><ul>${replies.map((r) => html`<li><a href="${messagePath(group.name, r.msgnum)}">${r.title}</a> <span class="meta">${r.authorName}</span></li>`)}</ul>` : ''}`,
  )
}
