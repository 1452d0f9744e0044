import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { html, sendPage } from './html'
import { JsonState } from './state-file'

export interface Comment {
  name: string
  url?: string
  text: string
  when: string
}

const ID = /^[A-Za-z0-9._-]{1,64}$/
const MAX_FORM_BYTES = 64 * 1024

/**
 * The page commentsPageUrl points at: comments on a weblog post, keyed by Radio's ?u=USERNUM&p=POSTID,
 * shown as text and added with a plain form. Persisted in comments.json.
 */
export class Comments {
  private constructor(
    private readonly state: JsonState<Record<string, Comment[]>>,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, now: () => Date = () => new Date()): Promise<Comments> {
    const state = await JsonState.open<Record<string, Comment[]>>(join(dir, 'comments.json'), {})
    return new Comments(new JsonState(state.file, Object.assign(Object.create(null), state.value)), now)
  }

  on(u: string, p: string): readonly Comment[] {
    return this.state.value[`${u}/${p}`] ?? []
  }

  async add(u: string, p: string, comment: Omit<Comment, 'when'>): Promise<void> {
    const key = `${u}/${p}`
    ;(this.state.value[key] ??= []).push({ ...comment, when: this.now().toISOString() })
    await this.state.save()
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const u = url.searchParams.get('u') ?? ''
    const p = url.searchParams.get('p') ?? ''
    if (!ID.test(u) || !ID.test(p)) {
      return sendPage(
        res,
        'Comments',
        html`<h1>Comments</h1>
          <p>This page wants <code>?u=USERNUM&amp;p=POSTID</code>, as Radio links to it.</p>`,
        400,
      )
    }
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readForm(req))
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
        ${
          list.length === 0
            ? html`<p>No comments yet.</p>`
            : list.map(
                (c) =>
                  html`<div class="meta">
                      ${c.url ? html`<a href="${c.url}" rel="nofollow">${c.name}</a>` : c.name}, ${c.when}
                    </div>
                    <div class="body">${c.text}</div>`,
              )
        }
        <form method="post">
          <p>
            <label>Name <input name="name" /></label> <label>Web site <input name="url" /></label>
          </p>
          <p><textarea name="text" rows="6" cols="60" required></textarea></p>
          <p><button>Post comment</button></p>
        </form>`,
    )
  }
}

function readForm(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_FORM_BYTES) {
        reject(new Error('comment form too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
