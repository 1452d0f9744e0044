import { open as openFile, readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { allowedHosts, originAllowed } from '../base/guards'
import { readCappedBody } from '../xmlrpc/read-capped-body'
import { html, sendPage } from './html'
import { callerAddress } from './xml-storage-common'

export interface Comment {
  name: string
  url?: string
  text: string
  when: string
}

const ID = /^[A-Za-z0-9._-]{1,64}$/
const MAX_FORM_BYTES = 16 * 1024
/** Comments one address may post per minute, and comments kept in all (the log is never rewritten). */
export const COMMENTS_PER_MINUTE = 10
export const MAX_COMMENTS = 10_000

/**
 * The page commentsPageUrl points at: comments on a weblog post, keyed by Radio's ?u=USERNUM&p=POSTID,
 * shown as text and added with a plain form. Appended to comments.jsonl, one line each, so a
 * comment never rewrites the others (comments.json, from before, is read once and kept).
 */
export class Comments {
  private readonly recent = new Map<string, number[]>()
  private count = 0

  private constructor(
    private readonly file: string,
    private readonly byPost: Map<string, Comment[]>,
    private readonly now: () => Date,
  ) {
    for (const list of byPost.values()) this.count += list.length
  }

  static async open(dir: string, now: () => Date = () => new Date()): Promise<Comments> {
    const byPost = new Map<string, Comment[]>()
    const legacy = await readFile(join(dir, 'comments.json'), 'utf8').then(
      (t) => JSON.parse(t) as Record<string, Comment[]>,
      () => ({}),
    )
    for (const [key, list] of Object.entries(legacy)) byPost.set(key, [...list])
    const file = join(dir, 'comments.jsonl')
    const lines = await readFile(file, 'utf8').then(
      (t) => t.split('\n'),
      () => [],
    )
    for (const line of lines) {
      // A line a crash cut short is skipped; every whole line before and after it stands.
      const entry = (() => {
        try {
          return JSON.parse(line) as Comment & { key: string }
        } catch {
          return undefined
        }
      })()
      if (!entry || typeof entry.key !== 'string') continue
      const { key, ...comment } = entry
      byPost.set(key, [...(byPost.get(key) ?? []), comment])
    }
    return new Comments(file, byPost, now)
  }

  on(u: string, p: string): readonly Comment[] {
    return this.byPost.get(`${u}/${p}`) ?? []
  }

  async add(u: string, p: string, comment: Omit<Comment, 'when'>): Promise<void> {
    const key = `${u}/${p}`
    const entry = { ...comment, when: this.now().toISOString() }
    const handle = await openFile(this.file, 'a', 0o600)
    try {
      // One write of one line: appended whole, after a newline in case a crash cut the last one.
      await handle.write('\n' + JSON.stringify({ key, ...entry }) + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
    this.byPost.set(key, [...this.on(u, p), entry])
    this.count += 1
  }

  /** Whether this address may post now: a few a minute each, and the log has room. */
  private admits(address: string): boolean {
    const now = this.now().getTime()
    const times = (this.recent.get(address) ?? []).filter((t) => now - t < 60_000)
    if (this.recent.size > 1000) this.recent.clear() // forgetting is fine; growing without end is not
    this.recent.set(address, times)
    if (times.length >= COMMENTS_PER_MINUTE || this.count >= MAX_COMMENTS) return false
    times.push(now)
    return true
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, port: number): Promise<void> {
    const u = url.searchParams.get('u') ?? ''
    const p = url.searchParams.get('p') ?? ''
    if (!ID.test(u) || !ID.test(p)) {
      return sendPage(
        res,
        'Comments',
        html`<h1>Comments</h1><p>This page wants <code>?u=USERNUM&amp;p=POSTID</code>, as Radio links to it.</p>`,
        400,
      )
    }
    if (req.method === 'POST') {
      if (!sameSite(req, port)) return refuse(res, 403, 'Comments are posted from this sandbox’s own page only.')
      if (!this.admits(callerAddress(req)))
        return refuse(res, 429, 'Too many comments: wait a minute and post again.', { 'retry-after': '60' })
      const body = await readCappedBody(req, MAX_FORM_BYTES)
      if (body === null) return refuse(res, 413, `A comment form is at most ${MAX_FORM_BYTES} bytes.`)
      const form = new URLSearchParams(body.toString('utf8'))
      const text = (form.get('text') ?? '').trim()
      const link = (form.get('url') ?? '').trim()
      if (text)
        await this.add(u, p, {
          name: (form.get('name') ?? '').trim().slice(0, 100) || 'Anonymous',
          ...(/^https?:\/\//.test(link) ? { url: link.slice(0, 500) } : {}),
          text: text.slice(0, 10_000),
        })
      res.writeHead(303, { location: `${url.pathname}${url.search}` })
      return void res.end()
    }
    const list = this.on(u, p)
    const back = url.searchParams.get('link') ?? ''
    sendPage(
      res,
      `Comments on ${p}`,
      html`<h1>Comments on post ${p}</h1>
${/^https?:\/\//.test(back) ? html`<p><a href="${back}">Back to the post</a></p>` : ''}
${list.length === 0 ? html`<p>No comments yet.</p>` : list.map((c) => html`<div class="meta">${c.url ? html`<a href="${c.url}" rel="nofollow">${c.name}</a>` : c.name}, ${c.when}</div><div class="body">${c.text}</div>`)}
<form method="post"><p><label>Name <input name="name"></label> <label>Web site <input name="url"></label></p>
<p><textarea name="text" rows="6" cols="60" required></textarea></p><p><button>Post comment</button></p></form>`,
    )
  }
}

/** A browser names the page a form came from (Origin, or at least Referer): it must be one of ours. */
function sameSite(req: IncomingMessage, port: number): boolean {
  const hosts = allowedHosts(port)
  if (!originAllowed(req, hosts)) return false
  const referer = req.headers.referer
  if (referer === undefined) return true
  try {
    return hosts.has(new URL(referer).host)
  } catch {
    return false
  }
}

function refuse(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close', ...headers })
  res.end(text)
}
