import { positionOf, XmlRpcParseError } from './codec-errors'
import { FaultCodes } from './fault'
import { codeUnitName, ILLEGAL_CHAR } from './xml-chars'
import { decodeEntities } from './xml-entities'

const LT = 60
const GT = 62
const SLASH = 47
const BANG = 33
const QUESTION = 63

const XML_DECL =
  /<\?xml[ \t\n\r]+version[ \t\n\r]*=[ \t\n\r]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\n\r]+encoding[ \t\n\r]*=[ \t\n\r]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\n\r]+standalone[ \t\n\r]*=[ \t\n\r]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n\r]*\?>/y
const NAME = /^[A-Za-z_:\u00C0-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\uFFFD][\w.:\u00B7-\uFFFD-]*$/
const ATTRIBUTE = /([A-Za-z_:\u00C0-\uFFFD][\w.:\u00B7-\uFFFD-]*)[ \t\n]*=[ \t\n]*(?:"([^<"]*)"|'([^<']*)')/y
const PI_TARGET = /[A-Za-z_:][\w.:-]*/y

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13
}

/**
 * A strict, single-pass XML tokenizer over a whole document held in one string, specialised to what
 * XML-RPC uses: elements (attributes checked, then ignored), text with the predefined entities and
 * character references, CDATA, comments, processing instructions. DOCTYPE is refused outright, so no
 * entity can ever be declared. Text runs are found with indexOf and returned as slices, so a 20 MB
 * base64 value is never copied character by character.
 *
 * Characters XML forbids are checked where text is consumed (markup is checked by its own grammar),
 * which lets a caller that validates a run itself (base64) skip that pass.
 */
export class XmlScanner {
  pos = 0
  /** Set by openTag(): the element just opened was written <name/>. */
  empty = false
  /** Set by text(): the text returned is a slice of the document, no references decoded. */
  verbatim = true
  private readonly cdataEndPossible: boolean

  /** `oneByte`: every character of `s` is below U+0100 (see BodyText). */
  constructor(
    readonly s: string,
    readonly oneByte = false,
    private readonly warn: (msg: string) => void = () => {},
  ) {
    this.cdataEndPossible = s.indexOf(']]>') !== -1
  }

  fail(reason: string, at = this.pos, faultCode: number = FaultCodes.notWellFormed): never {
    throw new XmlRpcParseError(reason, positionOf(this.s, at), faultCode)
  }

  /** Well-formed XML that is not XML-RPC (-32600). */
  notXmlRpc(reason: string, at = this.pos): never {
    this.fail(reason, at, FaultCodes.notXmlRpc)
  }

  /** The XML declaration, then whitespace, comments and PIs up to the root element. */
  prolog(): void {
    const s = this.s
    let p = 0
    while (isWs(s.charCodeAt(p))) p++
    if (s.startsWith('<?xml', p) && (isWs(s.charCodeAt(p + 5)) || s.charCodeAt(p + 5) === QUESTION)) {
      // PHP servers often print a stray newline first (a plugin's trailing whitespace); expat
      // refuses that, but it is harmless, so it is tolerated with a warning.
      if (p > 0) this.warn('whitespace before the XML declaration (ignored)')
      XML_DECL.lastIndex = p
      if (!XML_DECL.test(s)) this.fail('malformed XML declaration', p)
      this.pos = XML_DECL.lastIndex
    }
    this.misc()
    if (this.pos >= s.length) this.fail('expected the root element, found the end of the body')
  }

  /** After the root element only whitespace, comments and PIs may follow. */
  epilog(): void {
    this.misc()
    if (this.pos < this.s.length) this.fail('unexpected content after the root element')
  }

  /** Skips whitespace, comments and PIs where only markup may appear. */
  misc(): void {
    const s = this.s
    for (;;) {
      let p = this.pos
      while (isWs(s.charCodeAt(p))) p++
      this.pos = p
      if (s.charCodeAt(p) !== LT) return
      const c = s.charCodeAt(p + 1)
      if (c === QUESTION) this.pi()
      else if (c === BANG && s.startsWith('<!--', p)) this.comment()
      else if (c === BANG) this.declaration()
      else return
    }
  }

  /** Is the next markup an end tag? (Skips misc first.) */
  atEndTag(): boolean {
    this.misc()
    return this.s.charCodeAt(this.pos) === LT && this.s.charCodeAt(this.pos + 1) === SLASH
  }

  /** Opens the next element and returns its name; `expected` describes it for error messages. */
  openTag(expected: string): string {
    this.misc()
    const s = this.s
    const p = this.pos
    if (p >= s.length) this.fail(`expected ${expected}, found the end of the body`)
    if (s.charCodeAt(p) !== LT) this.notXmlRpc(`expected ${expected}, found text`)
    if (s.charCodeAt(p + 1) === SLASH) this.notXmlRpc(`expected ${expected}, found ${this.describeEndTag(p)}`)
    let q = p + 1
    for (let c = s.charCodeAt(q); q < s.length && !isWs(c) && c !== GT && c !== SLASH; c = s.charCodeAt(++q));
    const name = s.slice(p + 1, q)
    if (!NAME.test(name)) this.fail(`malformed element name "${name}"`, p + 1)
    if (s.charCodeAt(q) === GT) {
      this.pos = q + 1
      this.empty = false
      return name
    }
    this.attributes(name, q)
    return name
  }

  /** Opens the next element, which must be <name>; returns true when it was written <name/>. */
  open(name: string): boolean {
    const at = this.pos
    const found = this.openTag(`<${name}>`)
    if (found !== name) this.notXmlRpc(`expected <${name}>, found <${found}>`, at)
    return this.empty
  }

  /** Consumes </name> (after misc). */
  close(name: string): void {
    this.misc()
    const s = this.s
    const p = this.pos
    if (s.charCodeAt(p) === LT && s.charCodeAt(p + 1) === SLASH && s.startsWith(name, p + 2)) {
      let q = p + 2 + name.length
      while (isWs(s.charCodeAt(q))) q++
      if (s.charCodeAt(q) === GT) {
        this.pos = q + 1
        return
      }
    }
    if (p >= s.length) this.fail(`expected </${name}>, found the end of the body`)
    if (s.charCodeAt(p) !== LT) this.notXmlRpc(`expected </${name}>, found text`)
    if (s.charCodeAt(p + 1) === SLASH)
      this.fail(`mismatched tags: expected </${name}>, found ${this.describeEndTag(p)}`)
    const found = this.openTag(`</${name}>`)
    this.notXmlRpc(`expected </${name}>, found <${found}>`, p)
  }

  /**
   * Character data up to the next start or end tag (left unconsumed): entities decoded, CDATA
   * sections included, comments and PIs skipped. With `selfChecked` the caller vouches for the
   * characters of plain runs (it refuses anything outside a small alphabet anyway).
   */
  text(selfChecked = false): string {
    const s = this.s
    let out = ''
    let start = this.pos
    this.verbatim = true
    for (;;) {
      const lt = s.indexOf('<', start)
      if (lt === -1) this.fail('unexpected end of the body inside an element', s.length)
      if (lt > start) out += this.chars(s.slice(start, lt), start, selfChecked)
      const c = s.charCodeAt(lt + 1)
      this.pos = lt
      if (c === BANG && s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9)
        if (end === -1) this.fail('unterminated CDATA section', lt)
        out += this.legal(s.slice(lt + 9, end), lt + 9)
        start = end + 3
      } else if (c === BANG && s.startsWith('<!--', lt)) {
        this.comment()
        start = this.pos
      } else if (c === BANG) {
        this.declaration()
      } else if (c === QUESTION) {
        this.pi()
        start = this.pos
      } else {
        return out
      }
    }
  }

  private chars(raw: string, offset: number, selfChecked: boolean): string {
    if (this.cdataEndPossible) {
      const bad = raw.indexOf(']]>')
      if (bad !== -1) this.fail("']]>' is not allowed in text", offset + bad)
    }
    if (!selfChecked) this.legal(raw, offset)
    if (raw.indexOf('&') === -1) return raw
    this.verbatim = false
    return decodeEntities(raw, (reason, index, code) => this.fail(reason, offset + index, code))
  }

  /** Refuses characters XML forbids (-32702); returns `t`. */
  legal(t: string, offset: number): string {
    if (ILLEGAL_CHAR.test(t)) {
      const at = t.search(ILLEGAL_CHAR)
      this.fail(`character ${codeUnitName(t, at)} is not allowed in XML`, offset + at, FaultCodes.invalidCharacter)
    }
    return t
  }

  private attributes(element: string, from: number): void {
    const s = this.s
    const seen = new Set<string>()
    for (let q = from; ;) {
      let p = q
      while (isWs(s.charCodeAt(p))) p++
      const c = s.charCodeAt(p)
      if (c === GT || (c === SLASH && s.charCodeAt(p + 1) === GT)) {
        this.empty = c === SLASH
        this.pos = p + (c === SLASH ? 2 : 1)
        return
      }
      if (p >= s.length) this.fail(`unexpected end of the body inside <${element}>`, p)
      if (p === q) this.fail(`expected whitespace, '>' or '/>' in <${element}>`, p)
      ATTRIBUTE.lastIndex = p
      const m = ATTRIBUTE.exec(s)
      if (!m) this.fail(`malformed attribute in <${element}>`, p)
      if (seen.has(m[1])) this.fail(`duplicate attribute "${m[1]}" in <${element}>`, p)
      seen.add(m[1])
      const value = this.legal(m[2] ?? m[3], p)
      // Attribute values are ignored, but must still be well formed.
      if (value.indexOf('&') !== -1) decodeEntities(value, (reason, _i, code) => this.fail(reason, p, code))
      q = ATTRIBUTE.lastIndex
    }
  }

  private comment(): void {
    const s = this.s
    const p = this.pos
    const dashes = s.indexOf('--', p + 4)
    if (dashes === -1) this.fail('unterminated comment', p)
    if (s.charCodeAt(dashes + 2) !== GT) this.fail("'--' is not allowed inside a comment", dashes)
    this.legal(s.slice(p + 4, dashes), p + 4)
    this.pos = dashes + 3
  }

  private pi(): void {
    const s = this.s
    const p = this.pos
    const end = s.indexOf('?>', p + 2)
    if (end === -1) this.fail('unterminated processing instruction', p)
    PI_TARGET.lastIndex = p + 2
    const target = PI_TARGET.exec(s)?.[0]
    if (!target || PI_TARGET.lastIndex > end) this.fail('a processing instruction needs a target name', p)
    if (target.toLowerCase() === 'xml') this.fail('the XML declaration is only allowed at the very start', p)
    if (PI_TARGET.lastIndex < end && !isWs(s.charCodeAt(PI_TARGET.lastIndex)))
      this.fail('malformed processing instruction', p)
    this.legal(s.slice(p + 2, end), p + 2)
    this.pos = end + 2
  }

  /** `<!` that is not a comment or CDATA: DOCTYPE and ENTITY are refused, being the billion-laughs and XXE vectors. */
  private declaration(): never {
    const p = this.pos
    const word = /^<!([A-Z]*)/.exec(this.s.slice(p, p + 12))?.[1]
    if (word === 'DOCTYPE' || word === 'ENTITY')
      this.fail(`<!${word} is not allowed (no DTDs, no entity declarations)`, p)
    this.fail(this.s.startsWith('<![CDATA[', p) ? 'CDATA is not allowed here' : 'unexpected markup "<!"', p)
  }

  private describeEndTag(p: number): string {
    const gt = this.s.indexOf('>', p)
    return gt === -1 || gt - p > 60 ? 'an end tag' : this.s.slice(p, gt + 1)
  }
}
