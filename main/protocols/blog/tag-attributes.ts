/**
 * The attributes of one start tag (`<link rel="EditURI" href=…>`), names lowercased, values with
 * the common entities decoded. Home pages and RSD files are read with this rather than a parser:
 * we need two kinds of tag from them, and they are routinely not well-formed.
 */
export function tagAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  const body = tag.replace(/^<[^\s/>]+/, '')
  for (const m of body.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1].toLowerCase()
    if (!(name in out)) out[name] = decode(m[2] ?? m[3] ?? m[4] ?? '')
  }
  return out
}

/** Every start tag of one element name in a document (comments skipped). */
export function startTags(doc: string, element: string): string[] {
  const text = doc.replace(/<!--[\s\S]*?-->/g, '')
  const re = new RegExp(`<${element}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi')
  return [...text.matchAll(re)].map((m) => m[0])
}

const decode = (v: string): string =>
  v.replace(
    /&(amp|lt|gt|quot|apos|#39|#x27);/gi,
    (_, e: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" })[e.toLowerCase()] ?? _,
  )
