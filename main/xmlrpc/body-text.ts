import { isAscii, isUtf8 } from 'node:buffer'
import { positionOf, XmlRpcParseError } from './codec-errors'
import { FaultCodes } from './fault'
import { isWellFormed } from './xml-chars'

const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/

export interface BodyText {
  text: string
  /**
   * Every character is below U+0100 (decoded as ASCII or Latin-1), so V8 holds the text one byte
   * per character: what lets base64 runs skip the character-by-character check (see base64.ts).
   */
  oneByte: boolean
}

/**
 * Turns a request or response body into the text the scanner reads: bytes decoded per the XML
 * declaration (UTF-8 unless it says ISO-8859-1, US-ASCII or windows-1252), a BOM dropped, line ends
 * normalised to \n as XML requires. Characters XML forbids are the scanner's business, run by run.
 */
export function bodyToText(body: Uint8Array | string): BodyText {
  const decoded = typeof body === 'string' ? { text: stringBody(body), oneByte: false } : bytesBody(body)
  // One global test keeps the common (\r-free) case free of per-text-run work.
  if (decoded.text.indexOf('\r') !== -1) decoded.text = decoded.text.replace(/\r\n?/g, '\n')
  return decoded
}

function stringBody(s: string): string {
  if (!isWellFormed(s)) {
    const at = firstLoneSurrogate(s)
    throw invalidChar('a lone surrogate is not a character', s, at)
  }
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
}

function bytesBody(body: Uint8Array): BodyText {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  if ((buf[0] === 0xfe && buf[1] === 0xff) || (buf[0] === 0xff && buf[1] === 0xfe) || buf[0] === 0 || buf[1] === 0) {
    throw unsupported('UTF-16 (and other multi-byte encodings but UTF-8) are not supported')
  }
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf
  const bytes = bom ? buf.subarray(3) : buf
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 512))
  const label = (DECLARED_ENCODING.exec(head)?.[1] ?? 'utf-8').toLowerCase()
  if (bom && label !== 'utf-8' && label !== 'utf8')
    throw unsupported(`a UTF-8 byte order mark contradicts encoding="${label}"`)
  switch (label) {
    case 'utf-8':
    case 'utf8':
      // ASCII is by far the common case and latin1 is the cheapest exact decoding of it.
      if (isAscii(bytes)) return { text: bytes.toString('latin1'), oneByte: true }
      if (isUtf8(bytes)) return { text: bytes.toString('utf8'), oneByte: false }
      throw badUtf8(bytes)
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'iso_8859-1':
    case 'latin1':
    case 'latin-1':
    case 'l1':
      return { text: bytes.toString('latin1'), oneByte: true }
    case 'us-ascii':
    case 'ascii':
      if (isAscii(bytes)) return { text: bytes.toString('latin1'), oneByte: true }
      throw invalidChar('a byte above 0x7F in a US-ASCII document', '', 0)
    case 'windows-1252':
    case 'cp1252':
      return { text: new TextDecoder('windows-1252').decode(bytes), oneByte: false }
    default:
      throw unsupported(`unsupported encoding "${label}" (UTF-8, ISO-8859-1, US-ASCII and windows-1252 are)`)
  }
}

function badUtf8(bytes: Buffer): XmlRpcParseError {
  const at = firstInvalidUtf8(bytes)
  const before = bytes.toString('utf8', 0, at)
  return invalidChar(`the body is not valid UTF-8 (byte ${at})`, before, before.length)
}

/** Byte offset of the first ill-formed UTF-8 sequence (error path only). */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    if (n === 0 || !isUtf8(b.subarray(i, i + n))) return i
    i += n
  }
  return b.length
}

function firstLoneSurrogate(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
    else if (c >= 0xd800 && c <= 0xdfff) return i
  }
  return s.length
}

function invalidChar(reason: string, text: string, at: number): XmlRpcParseError {
  return new XmlRpcParseError(reason, positionOf(text, at), FaultCodes.invalidCharacter)
}

function unsupported(reason: string): XmlRpcParseError {
  return new XmlRpcParseError(reason, { offset: 0, line: 1, column: 1 }, FaultCodes.unsupportedEncoding)
}
