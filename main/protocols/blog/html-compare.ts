import { Parser } from 'htmlparser2'

/** What a reader of some HTML meets: its elements and attributes, counted, and its text. */
interface Inventory {
  /** Element name → how many. */
  tags: Map<string, number>
  /** "element attribute" → the values it had, in order. */
  attributes: Map<string, string[]>
  /** The text as a reader sees it (entities decoded, Unicode NFC, whitespace collapsed). */
  text: string
}

/** How the HTML a server kept differs from the HTML sent, in the reader's terms. */
export interface HtmlDifference {
  /** Elements sent that the server took out: [name, how many]. */
  removedTags: [string, number][]
  /** Attributes sent that the server took out: "a onclick" → how many. */
  removedAttributes: [string, number][]
  /** Attributes whose value the server changed (a link or an image address rewritten). */
  changedAttributes: string[]
  /** Elements the server added (WordPress's paragraphs and line breaks). */
  addedTags: [string, number][]
  /** The words a reader sees differ, beyond whitespace. */
  textChanged: boolean
  /** The markup differs only in ways a reader cannot see (whitespace, entity spelling, quoting). */
  sameForReader: boolean
}

// Void and formatting markup that WordPress's autop and kses add or normalise routinely.
const LAYOUT = new Set(['p', 'br'])

/** Parses with htmlparser2 (a real HTML tokenizer: attributes, entities, raw-text elements, comments). */
function inventory(html: string): Inventory {
  const tags = new Map<string, number>()
  const attributes = new Map<string, string[]>()
  let text = ''
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        tags.set(name, (tags.get(name) ?? 0) + 1)
        for (const [attr, value] of Object.entries(attribs)) {
          const key = `${name} ${attr}`
          attributes.set(key, [...(attributes.get(key) ?? []), value])
        }
        if (LAYOUT.has(name) || BLOCK.has(name)) text += ' '
      },
      onclosetag(name) {
        if (BLOCK.has(name)) text += ' '
      },
      ontext(t) {
        text += t
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return { tags, attributes, text: readerForm(text) }
}

const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'tr',
  'td',
])

const readerForm = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim()

/** Plain text as a reader sees it: "Fish &amp; Chips &lt;3" and "Fish & Chips <3" read the same. */
export function readerText(textOrHtml: string): string {
  return inventory(textOrHtml).text
}

/** Compares two bodies by what they contain (elements, attributes, words), not by their characters. */
export function htmlDifference(sent: string, kept: string): HtmlDifference {
  const a = inventory(sent)
  const b = inventory(kept)
  const removedTags: [string, number][] = []
  const addedTags: [string, number][] = []
  for (const [name, n] of a.tags) if ((b.tags.get(name) ?? 0) < n) removedTags.push([name, n - (b.tags.get(name) ?? 0)])
  for (const [name, n] of b.tags) if ((a.tags.get(name) ?? 0) < n) addedTags.push([name, n - (a.tags.get(name) ?? 0)])
  const removedAttributes: [string, number][] = []
  const changedAttributes: string[] = []
  for (const [key, values] of a.attributes) {
    const tag = key.split(' ')[0]
    // An attribute of an element that went entirely is covered by the element.
    if (!b.tags.has(tag)) continue
    const keptValues = b.attributes.get(key) ?? []
    const missing = values.length - keptValues.length
    if (missing > 0) removedAttributes.push([key, missing])
    else if (values.some((v, i) => readerForm(v) !== readerForm(keptValues[i] ?? ''))) changedAttributes.push(key)
  }
  const textChanged = a.text !== b.text
  const sameForReader =
    !textChanged &&
    removedTags.length === 0 &&
    removedAttributes.length === 0 &&
    changedAttributes.length === 0 &&
    addedTags.every(([name]) => LAYOUT.has(name))
  return { removedTags, removedAttributes, changedAttributes, addedTags, textChanged, sameForReader }
}
