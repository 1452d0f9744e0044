import { FaultCodes } from './fault'
import { isXmlChar } from './xml-chars'

/** Reports a bad reference at `index` within the text being decoded. */
export type EntityError = (reason: string, index: number, faultCode: number) => never

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' }

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
  // One pass: slices between references are appended (V8 ropes, flattened once), and a numeric
  // reference such as WordPress's &#039; costs a few charCodeAt calls, not a regex and a slice.
  let out = ''
  let last = 0
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', last)) {
    const semi = raw.indexOf(';', amp + 1)
    // The longest legal reference is &#x10FFFF; (9 characters between & and ;).
    if (semi === -1 || semi - amp > 10)
      fail("'&' must start an entity reference such as &amp;", amp, FaultCodes.notWellFormed)
    out += raw.slice(last, amp)
    out +=
      raw.charCodeAt(amp + 1) === 35 /* # */
        ? charRef(raw, amp, semi, fail)
        : (predefined(raw, amp, semi) ?? named(raw.slice(amp + 1, semi), amp, fail))
    last = semi + 1
  }
  return last === 0 ? raw : out + raw.slice(last)
}

/** One of the five predefined entities, told from its characters (no slice, no lookup), else undefined. */
function predefined(raw: string, amp: number, semi: number): string | undefined {
  const c = raw.charCodeAt(amp + 1)
  const n = semi - amp - 1
  if (n === 2 && raw.charCodeAt(amp + 2) === 116 /* t */)
    return c === 108 /* l */ ? '<' : c === 103 /* g */ ? '>' : undefined
  if (n === 3) return raw.startsWith('amp', amp + 1) ? '&' : undefined
  if (n === 4) return raw.startsWith('quot', amp + 1) ? '"' : raw.startsWith('apos', amp + 1) ? "'" : undefined
  return undefined
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

/** The reference `&#…;` spanning raw[amp..semi]: decimal (1–7 digits) or hex (1–6 digits). */
function charRef(raw: string, amp: number, semi: number, fail: EntityError): string {
  const hex = raw.charCodeAt(amp + 2) === 120 /* x */
  const first = amp + (hex ? 3 : 2)
  const count = semi - first
  let cp = count >= 1 && count <= (hex ? 6 : 7) ? 0 : NaN
  for (let i = first; i < semi && cp === cp; i++) {
    const d = digitValue(raw.charCodeAt(i), hex)
    cp = d < 0 ? NaN : cp * (hex ? 16 : 10) + d
  }
  const ref = () => raw.slice(amp + 1, semi)
  if (cp !== cp) fail(`malformed character reference &${ref()};`, amp, FaultCodes.notWellFormed)
  if (!isXmlChar(cp)) fail(`&${ref()}; refers to a character XML does not allow`, amp, FaultCodes.invalidCharacter)
  return String.fromCodePoint(cp)
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 48 && c <= 57) return c - 48
  if (!hex) return -1
  const lower = c | 0x20
  return lower >= 97 && lower <= 102 ? lower - 87 : -1
}
