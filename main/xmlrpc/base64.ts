// base64 in both directions. Node's decoder is fast but silently skips garbage and accepts the
// URL-safe alphabet, so the text is checked first; whitespace (Python wraps at 76 columns) is
// the only thing stripped.

const NOT_ALPHABET = /[^A-Za-z0-9+/]/
const XML_SPACE = /[ \t\n\r]/
const XML_SPACES = /[ \t\n\r]+/g
const PADDING = /^={1,2}$/

/** Decodes base64 text; undefined when it is not base64. Empty text is an empty value. */
export function decodeBase64(text: string): Buffer | undefined {
  let t = text
  let bad = t.search(NOT_ALPHABET)
  if (bad !== -1 && XML_SPACE.test(t.slice(bad))) {
    t = t.replace(XML_SPACES, '')
    bad = t.search(NOT_ALPHABET)
  }
  let dataLength = t.length
  if (bad !== -1) {
    if (!PADDING.test(t.slice(bad)) || t.length % 4 !== 0) return undefined
    dataLength = bad
  }
  // A lone trailing character carries 6 bits: not even a byte. Missing padding is tolerated.
  if (dataLength % 4 === 1) return undefined
  return Buffer.from(t, 'base64')
}

/** One line, no whitespace (protocols.md §1). */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}
