import { XmlRpcEncodeError } from './codec-errors'
import { escapeLong } from './escape-long'
import { codeUnitName, ILLEGAL_CHAR, isWellFormed, toWellFormed } from './xml-chars'

// One test finds every string that needs any work; most strings need none.
const NEEDS_WORK = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/
const ILLEGAL_ALL = new RegExp(ILLEGAL_CHAR.source, 'g')
const SPECIAL = /[&<>\r]/g
// '>' is escaped so that "]]>" is always safe; '\r' so that it survives XML's line-end normalisation.
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }
const entityFor = (c: string) => ENTITY[c]
/** From this length on, escaping through bytes wins (escape-long.ts). */
const LONG = 256

/** Escapes text for element content; refuses characters XML cannot carry (the caller adds the path). */
export function escapeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s
  const bad = s.search(ILLEGAL_CHAR)
  if (bad !== -1)
    throw new XmlRpcEncodeError(
      '',
      `the control character ${codeUnitName(s, bad)} at index ${bad} cannot be sent in XML`,
    )
  if (!isWellFormed(s)) throw new XmlRpcEncodeError('', 'a lone surrogate (broken UTF-16) cannot be sent in XML')
  return s.length < LONG ? s.replace(SPECIAL, entityFor) : escapeLong(s)
}

/** Like escapeText, but replaces what XML cannot carry with U+FFFD: for fault messages, which must always go out. */
export function escapeTextLossy(s: string): string {
  return escapeText(toWellFormed(s).replace(ILLEGAL_ALL, '\uFFFD'))
}
