/** A piece of a highlighted line; the kinds map to CSS classes (styles/inspector.css). */
export interface XmlPart {
  kind: 'punct' | 'tag' | 'attr' | 'value' | 'text' | 'decl' | 'comment'
  text: string
}

export interface XmlLine {
  depth: number
  parts: XmlPart[]
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<[^>]*>?|[^<]+/g
const NAME = /^<\/?\s*([^\s/>]+)/

/** Beyond this, an answer is shown as it came: colouring a megabyte of base64 helps nobody. */
export const PRETTY_LIMIT = 400_000

/**
 * Server answers are hostile input: this only splits text into parts that React renders as text,
 * never as markup. Leaf elements stay on one line (`<string>hi</string>`), the rest is indented.
 */
export function prettyXml(xml: string): XmlLine[] {
  if (xml.length > PRETTY_LIMIT) return xml.split('\n').map((t) => ({ depth: 0, parts: [{ kind: 'text', text: t }] }))
  const tokens = xml.match(TOKEN) ?? []
  const lines: XmlLine[] = []
  let depth = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t.startsWith('<')) {
      if (t.trim()) lines.push({ depth, parts: [{ kind: 'text', text: t.trim() }] })
      continue
    }
    if (t.startsWith('<!--')) lines.push({ depth, parts: [{ kind: 'comment', text: t }] })
    else if (t.startsWith('<?') || t.startsWith('<!')) lines.push({ depth, parts: [{ kind: 'decl', text: t }] })
    else if (t.startsWith('</')) {
      depth = Math.max(0, depth - 1)
      lines.push({ depth, parts: tagParts(t) })
    } else if (t.endsWith('/>')) lines.push({ depth, parts: tagParts(t) })
    else {
      const name = NAME.exec(t)?.[1]
      const close = (s: string | undefined) => s !== undefined && s.startsWith('</') && NAME.exec(s)?.[1] === name
      if (close(tokens[i + 1])) {
        lines.push({ depth, parts: [...tagParts(t), ...tagParts(tokens[i + 1])] })
        i += 1
      } else if (tokens[i + 1] !== undefined && !tokens[i + 1].startsWith('<') && close(tokens[i + 2])) {
        lines.push({
          depth,
          parts: [...tagParts(t), { kind: 'text', text: tokens[i + 1] }, ...tagParts(tokens[i + 2])],
        })
        i += 2
      } else {
        lines.push({ depth, parts: tagParts(t) })
        depth++
      }
    }
  }
  return lines
}

const ATTR = /(\s+)([^\s=/>]+)(\s*=\s*)?("[^"]*"|'[^']*'|[^\s>]*)?/g

function tagParts(tag: string): XmlPart[] {
  const m = /^(<\/?)(\s*[^\s/>]*)([\s\S]*?)(\/?>)?$/.exec(tag)
  if (!m) return [{ kind: 'text', text: tag }]
  const parts: XmlPart[] = [
    { kind: 'punct', text: m[1] },
    { kind: 'tag', text: m[2] },
  ]
  const rest = m[3]
  let last = 0
  for (const a of rest.matchAll(ATTR)) {
    if (a.index! > last) parts.push({ kind: 'text', text: rest.slice(last, a.index) })
    parts.push({ kind: 'text', text: a[1] }, { kind: 'attr', text: a[2] })
    if (a[3]) parts.push({ kind: 'punct', text: a[3] })
    if (a[4]) parts.push({ kind: 'value', text: a[4] })
    last = a.index! + a[0].length
  }
  if (last < rest.length) parts.push({ kind: 'text', text: rest.slice(last) })
  if (m[4]) parts.push({ kind: 'punct', text: m[4] })
  return parts.filter((p) => p.text !== '')
}

/** The pretty form as plain text, for "Copy". */
export function prettyXmlText(xml: string): string {
  return prettyXml(xml)
    .map((l) => '  '.repeat(l.depth) + l.parts.map((p) => p.text).join(''))
    .join('\n')
}
