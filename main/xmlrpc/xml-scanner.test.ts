import { describe, expect, it } from 'vitest'
import { XmlRpcParseError } from './codec-errors'
import { decodeResponse } from './decode'
import { FaultCodes } from './fault'
import { errorOf, responseWith, valueOf } from './testing/documents'

// Well-formedness: strict XML for everything XML-RPC uses.
const parse = (doc: string) => decodeResponse(doc)

describe('well-formed XML is accepted', () => {
  it('with a declaration, comments, PIs and whitespace around the root', () => {
    const doc = `<?xml version="1.0" encoding="utf-8" standalone='yes'?>\n<!-- hi --><?app x?>\n${responseWith('<i4>1</i4>').replace(/^<\?xml[^>]*>\n/, '')}\n<!-- bye -->\n`
    expect(parse(doc)).toEqual({ kind: 'value', value: 1 })
  })
  it('with attributes (ignored), namespace declarations and whitespace inside tags', () => {
    const doc = `<methodResponse xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions" a='1'><params ><param
      ><value b="x &amp; y"><ex:i8 >5</ex:i8 ></value></param></params></methodResponse >`
    expect(parse(doc)).toEqual({ kind: 'value', value: 5 })
  })
  it('with whitespace before the XML declaration (PHP servers), tolerated with a warning', () => {
    const warnings: string[] = []
    expect(decodeResponse('\n  ' + responseWith('1'), { onWarning: (w) => warnings.push(w) })).toEqual({
      kind: 'value',
      value: '1',
    })
    expect(warnings).toEqual(['whitespace before the XML declaration (ignored)'])
    expect(errorOf(() => parse('<!-- c -->' + responseWith('1'))).message).toMatch(/only allowed at the very start/)
  })
  it('with a UTF-8 byte order mark', () => {
    expect(parse('\uFEFF' + responseWith('1'))).toEqual({ kind: 'value', value: '1' })
    expect(decodeResponse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(responseWith('1'))]))).toEqual({
      kind: 'value',
      value: '1',
    })
  })
})

describe('malformed XML is refused with its position', () => {
  const cases: [string, string, RegExp][] = [
    ['mismatched tags', '<string>x</int>', /mismatched tags: expected <\/string>, found <\/int>/],
    ['an unclosed element', '<string>x', /unexpected end of the body|expected <\/string>/],
    ['an unknown entity', '<string>&nbsp;</string>', /unknown entity &nbsp;/],
    ['a miscased entity beside a reference', '<string>&#039;&lT;</string>', /unknown entity &lT;/],
    ['a bare ampersand', '<string>fish & chips</string>', /'&' must start an entity reference/],
    ['a character reference to NUL', '<string>&#0;</string>', /&#0; refers to a character XML does not allow/],
    ['a character reference to a surrogate', '<string>&#xD800;</string>', /does not allow/],
    ['a malformed character reference', '<string>&#x;</string>', /malformed character reference/],
    ['an uppercase X in a hex reference', '<string>&#X41;</string>', /malformed character reference &#X41;/],
    ['a decimal reference of 8 digits', '<string>&#00000065;</string>', /malformed character reference/],
    ['a reference beyond U+10FFFF', '<string>&#x110000;</string>', /&#x110000; refers to a character/],
    ['a reference with a sign', '<string>a &#-65; b</string>', /malformed character reference &#-65;/],
    ["']]>' in text", '<string>a]]>b</string>', /']]>' is not allowed in text/],
    ['a raw control character', '<string>a\u0001b</string>', /character U\+0001 is not allowed/],
    ['U+FFFE', '<string>\uFFFE</string>', /character U\+FFFE is not allowed/],
    ['an unterminated comment', '<string>a<!-- b</string>', /unterminated comment/],
    ["'--' in a comment", '<string>a<!-- b -- c -->d</string>', /'--' is not allowed inside a comment/],
    ['an unterminated CDATA section', '<string><![CDATA[abc</string>', /unterminated CDATA/],
    ['a malformed attribute', '<string a=b>x</string>', /malformed attribute/],
    ['a duplicate attribute', '<string a="1" a="2">x</string>', /duplicate attribute "a"/],
    ['an attribute without whitespace before it', '<string a="1"b="2">x</string>', /expected whitespace/],
    ['a "<" in an attribute value', '<string a="<">x</string>', /malformed attribute/],
    ['a malformed element name', '<1x>y</1x>', /malformed element name "1x"/],
    ['a misplaced XML declaration', '<?xml version="1.0"?><string>x</string>', /only allowed at the very start/],
  ]
  for (const [what, inner, message] of cases) {
    it(what, () => {
      const e = errorOf(() => parse(responseWith(inner)))
      expect(e).toBeInstanceOf(XmlRpcParseError)
      expect(e.message).toMatch(message)
      expect(e.line).toBe(2)
      expect(e.column).toBeGreaterThan(38)
    })
  }
  it('garbage after the root element', () => {
    expect(errorOf(() => parse(responseWith('1') + '<x/>')).message).toMatch(
      /unexpected content after the root element/,
    )
    expect(errorOf(() => parse(responseWith('1') + 'junk')).message).toMatch(
      /unexpected content after the root element/,
    )
  })
  it('a malformed XML declaration', () => {
    expect(errorOf(() => parse('<?xml version="2.0"?>' + responseWith('1'))).message).toMatch(
      /malformed XML declaration/,
    )
    expect(errorOf(() => parse('<?xml encoding="utf-8"?><methodResponse/>')).message).toMatch(
      /malformed XML declaration/,
    )
  })
  it('reports invalid characters with -32702 and the rest with -32700', () => {
    expect(errorOf(() => parse(responseWith('<string>\u0007</string>'))).faultCode).toBe(FaultCodes.invalidCharacter)
    expect(errorOf(() => parse(responseWith('<string>&#1;</string>'))).faultCode).toBe(FaultCodes.invalidCharacter)
    expect(errorOf(() => parse(responseWith('<string>x</int>'))).faultCode).toBe(FaultCodes.notWellFormed)
  })
  it('checks comments, PIs, CDATA and attribute values for forbidden characters too', () => {
    for (const inner of [
      '<string><!-- \u0002 -->x</string>',
      '<string><?p \u0002?>x</string>',
      '<string><![CDATA[\u0002]]></string>',
      '<string a="\u0002">x</string>',
    ]) {
      expect(errorOf(() => parse(responseWith(inner))).faultCode, JSON.stringify(inner)).toBe(
        FaultCodes.invalidCharacter,
      )
    }
  })
})

describe('text encodings', () => {
  const latin1Doc = (decl: string) =>
    Buffer.concat([
      Buffer.from(`<?xml version="1.0" encoding="${decl}"?><methodResponse><params><param><value>caf`),
      Buffer.from([0xe9]),
      Buffer.from('</value></param></params></methodResponse>'),
    ])
  it('honours ISO-8859-1, windows-1252 and US-ASCII declarations', () => {
    expect(decodeResponse(latin1Doc('ISO-8859-1'))).toEqual({ kind: 'value', value: 'caf\u00e9' })
    expect(decodeResponse(latin1Doc('windows-1252'))).toEqual({ kind: 'value', value: 'caf\u00e9' })
    expect(errorOf(() => decodeResponse(latin1Doc('US-ASCII'))).faultCode).toBe(FaultCodes.invalidCharacter)
  })
  it('refuses bytes that are not UTF-8 when the document is UTF-8, naming the byte', () => {
    const e = errorOf(() => decodeResponse(latin1Doc('UTF-8')))
    expect(e.faultCode).toBe(FaultCodes.invalidCharacter)
    expect(e.message).toMatch(/not valid UTF-8 \(byte 79\)/)
    expect(e.column).toBe(80)
  })
  it('refuses other encodings with -32701', () => {
    expect(errorOf(() => decodeResponse(latin1Doc('Shift_JIS'))).faultCode).toBe(FaultCodes.unsupportedEncoding)
    const utf16 = Buffer.from('\uFEFF' + responseWith('1'), 'utf16le')
    expect(errorOf(() => decodeResponse(utf16)).faultCode).toBe(FaultCodes.unsupportedEncoding)
  })
  it('refuses a string body with a lone surrogate', () => {
    expect(errorOf(() => decodeResponse(responseWith('<string>\uD800</string>'))).faultCode).toBe(
      FaultCodes.invalidCharacter,
    )
  })
  it('reads a string body whatever its declaration says (it is already characters)', () => {
    expect(valueOf('<string>\u20ac</string>')).toBe('\u20ac')
  })
})
