import { fileURLToPath } from 'node:url'

/** One link in a post body: the attribute value as written and where it sits. */
export interface MediaLink {
  /** The decoded attribute value (entities such as &amp; resolved). */
  ref: string
  start: number
  end: number
}

// Every comment and start tag in order, so an "<img" inside a comment or another tag's attribute
// value is never taken for a tag; then src/href/poster of the elements that carry a post's files.
const TAG = /<!--[\s\S]*?-->|<([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g
const MEDIA = new Set(['img', 'a', 'source', 'video', 'audio'])
// Attributes in order, so a src="…" inside another attribute's value is not taken for one.
const ATTR = /([^\s"'=<>/]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const LINKS = new Set(['src', 'href', 'poster'])

/** Every src/href/poster value in the img, a, source, video and audio tags of an HTML body. */
export function findMediaLinks(html: string): MediaLink[] {
  const links: MediaLink[] = []
  for (const tag of html.matchAll(TAG)) {
    if (!tag[1] || !MEDIA.has(tag[1].toLowerCase())) continue
    const attrsAt = tag.index + tag[1].length + 1
    for (const attr of tag[0].slice(tag[1].length + 1).matchAll(ATTR)) {
      if (attr[2] === undefined || !LINKS.has(attr[1].toLowerCase())) continue
      const raw = attr[3] ?? attr[4] ?? attr[5]
      const start = attrsAt + attr.index + attr[1].length + attr[2].length + (attr[5] === undefined ? 1 : 0)
      links.push({ ref: decodeEntities(raw), start, end: start + raw.length })
    }
  }
  return links
}

/** Replaces links (by position) with new values, escaped for any quoting (URLs have no spaces). */
export function rewriteLinks(html: string, replacements: { link: MediaLink; to: string }[]): string {
  let out = html
  for (const { link, to } of [...replacements].sort((a, b) => b.link.start - a.link.start)) {
    out =
      out.slice(0, link.start) +
      to.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;') +
      out.slice(link.end)
  }
  return out
}

/** The default idea of "a local file": a file: URL. Apps with their own asset scheme pass a resolver. */
export function fileUrlPath(ref: string): string | null {
  if (!/^file:/i.test(ref)) return null
  try {
    return fileURLToPath(ref)
  } catch {
    return null
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? whole
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}
