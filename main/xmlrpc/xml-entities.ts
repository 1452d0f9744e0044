import { FaultCodes } from './fault'
import { isXmlChar } from './xml-chars'

/** Reports a bad reference at `index` within the text being decoded. */
export type EntityError = (reason: string, index: number, faultCode: number) => never

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' }
const DECIMAL = /^[0-9]{1,7}$/
const HEX = /^x[0-9A-Fa-f]{1,6}$/

// Any '&' that does not start one of the five predefined entities: character references and errors.
const UNUSUAL_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos);)/

/**
 * Replaces the five predefined entities and numeric character references. Anything else is an
 * error: with DOCTYPE refused there is no way to declare an entity, so `&name;` can only be garbage
 * or an attack probe.
 */
export function decodeEntities(raw: string, fail: EntityError): string {
  // Escaped HTML is full of &lt; and &gt;: native replaceAll passes give flat strings with no
  // per-entity garbage. '&amp;' goes last so that "&amp;lt;" stays "&lt;".
  if (!UNUSUAL_AMPERSAND.test(raw)) {
    return raw
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&')
  }
  const parts: string[] = []
  let last = 0
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', last)) {
    const semi = raw.indexOf(';', amp + 1)
    // The longest legal reference is &#x10FFFF; (9 characters between & and ;).
    if (semi === -1 || semi - amp > 10)
      fail("'&' must start an entity reference such as &amp;", amp, FaultCodes.notWellFormed)
    const ref = raw.slice(amp + 1, semi)
    parts.push(raw.slice(last, amp), ref.charCodeAt(0) === 35 /* # */ ? charRef(ref, amp, fail) : named(ref, amp, fail))
    last = semi + 1
  }
  parts.push(raw.slice(last))
  return parts.join('')
}

function named(ref: string, at: number, fail: EntityError): string {
  const s = Object.hasOwn(PREDEFINED, ref) ? PREDEFINED[ref] : undefined
  if (s === undefined)
    fail(
      `unknown entity &${ref}; (only &lt; &gt; &amp; &apos; &quot; exist without a DTD)`,
      at,
      FaultCodes.notWellFormed,
    )
  return s
}

function charRef(ref: string, at: number, fail: EntityError): string {
  const digits = ref.slice(1)
  let cp = NaN
  if (DECIMAL.test(digits)) cp = parseInt(digits, 10)
  else if (HEX.test(digits)) cp = parseInt(digits.slice(1), 16)
  else fail(`malformed character reference &${ref};`, at, FaultCodes.notWellFormed)
  if (!isXmlChar(cp)) fail(`&${ref}; refers to a character XML does not allow`, at, FaultCodes.invalidCharacter)
  return String.fromCodePoint(cp)
}
