import type { ServerResponse } from 'node:http'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Everything a member sent is shown as text: tags in a message body appear, they never run. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c])

/** A tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]
  })
  return new Html(out)
}

function render(v: unknown): string {
  if (v instanceof Html) return v.text
  if (Array.isArray(v)) return v.map(render).join('')
  if (v === undefined || v === null || v === false) return ''
  return escapeHtml(String(v))
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
.body{white-space:pre-wrap;border-left:3px solid #ccc;padding-left:1rem}.meta{color:#666;font-size:.9em}
code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left}`

/** Sends a complete page. Inline scripts can't run (CSP): only our stylesheet and images. */
export function sendPage(res: ServerResponse, title: string, body: Html, status = 200): void {
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${new Html(STYLE)}</style></head>
<body>${body}</body></html>
`.text
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(page),
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'",
    'x-content-type-options': 'nosniff',
  })
  res.end(res.req.method === 'HEAD' ? undefined : page)
}
