// base64 in both directions.
//
// Decoding is the hot path for uploads and enclosures, so it avoids a character-by-character
// check where it can: Node's decoder skips characters outside the alphabet and stops at an inner
// '=', so for text held one byte per character, getting exactly the length the text promises
// proves that every character was in the alphabet. The URL-safe alphabet ('-', '_'), which Node
// also accepts, is ruled out with two memchr-fast searches. Two-byte text (where Node would read
// only the low byte of each character) is checked with a regular expression first.

const NOT_ALPHABET = /[^A-Za-z0-9+/]/
// Large values are decoded a slice at a time: Node copies a string into a temporary buffer before
// decoding it, and a 1 MB slice keeps that copy small next to a 20 MB enclosure. A multiple of 4.
const SLICE = 1 << 20
const PADDING = /^={1,2}$/
const XML_SPACES = /[ \t\n\r]+/g

/**
 * Decodes base64 text; undefined when it is not base64. Whitespace anywhere is dropped (Python wraps
 * at 76 columns); missing padding is tolerated; empty text is an empty value. `oneByte`: every
 * character of `text` is below U+0100.
 */
export function decodeBase64(text: string, oneByte: boolean): Buffer | undefined {
  const hasSpace =
    text.indexOf('\n') !== -1 || text.indexOf(' ') !== -1 || text.indexOf('\t') !== -1 || text.indexOf('\r') !== -1
  const t = hasSpace ? text.replace(XML_SPACES, '') : text
  if (!oneByte && !inAlphabet(t)) return undefined
  if (t.indexOf('-') !== -1 || t.indexOf('_') !== -1) return undefined
  let pad = 0
  while (pad < 3 && t.charCodeAt(t.length - 1 - pad) === 61) pad++
  const data = t.length - pad
  // Padding must complete a group; a lone trailing character carries 6 bits, not even a byte.
  if (pad === 3 || (pad > 0 && t.length % 4 !== 0) || data % 4 === 1) return undefined
  const size = Math.floor((data * 3) / 4)
  if (t.length <= SLICE) {
    const bytes = Buffer.from(t, 'base64')
    return bytes.length === size ? bytes : undefined
  }
  const bytes = Buffer.allocUnsafe(size)
  let written = 0
  // A slice with a stray character decodes short, which shifts every later one: the total tells.
  for (let i = 0; i < t.length && written < size; i += SLICE)
    written += bytes.write(t.slice(i, i + SLICE), written, 'base64')
  return written === size ? bytes : undefined
}

function inAlphabet(t: string): boolean {
  const bad = t.search(NOT_ALPHABET)
  return bad === -1 || PADDING.test(t.slice(bad))
}

/** One line, no whitespace (docs/protocols.md §1). */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}
