import { describe, expect, it } from 'vitest'
import { XmlRpcParseError } from './codec-errors'
import { FaultCodes } from './fault'
import { decodeValue, errorOf, responseWith, valueOf } from './testing/documents'
import { XmlRpcDateTime } from './values'

// docs/protocols.md §1, the "accept" column, row by row.

describe('string', () => {
  it('reads <string>, untyped text with its whitespace, <value/> and <string/>', () => {
    expect(valueOf('<string>hello</string>')).toBe('hello')
    expect(valueOf('  two  spaces\n')).toBe('  two  spaces\n')
    expect(valueOf('')).toBe('')
    expect(valueOf('<string/>')).toBe('')
    expect(valueOf('<string></string>')).toBe('')
    expect(valueOf('<string>  kept  </string>')).toBe('  kept  ')
  })
  it('reads <value/> as an empty string', () => {
    expect(decodeValue('<methodResponse><params><param><value/></param></params></methodResponse>')).toBe('')
    expect(valueOf('<array><data><value/><value /></data></array>')).toEqual(['', ''])
  })
  it('decodes the predefined entities, character references and CDATA', () => {
    expect(valueOf('<string>a &lt;b&gt; &amp; &apos;c&apos; &quot;d&quot;</string>')).toBe('a <b> & \'c\' "d"')
    expect(valueOf('<string>&#65;&#x42;&#x1F600;</string>')).toBe('AB\u{1F600}')
    expect(valueOf('<string>It&#039;s &#0000065;&#xaB;&#xAb;&#x10FFFF;&lt;</string>')).toBe(
      "It's A\u00ab\u00ab\u{10FFFF}<",
    )
    expect(valueOf('<string><![CDATA[<b>&amp;</b>]]></string>')).toBe('<b>&amp;</b>')
    expect(valueOf('<string>a<!-- note -->b<?pi x?>c</string>')).toBe('abc')
  })
  it('keeps a carriage return sent as &#13; and normalises raw line ends to \\n', () => {
    expect(valueOf('<string>a&#13;\nb</string>')).toBe('a\r\nb')
    expect(valueOf('<string>a\r\nb\rc</string>')).toBe('a\nb\nc')
  })
  it('reads non-ASCII text as UTF-8 from bytes', () => {
    const doc = Buffer.from(
      '<methodResponse><params><param><value><string>caf\u00e9 \u20ac \u{1F600}</string></value></param></params></methodResponse>',
    )
    expect(decodeValue(doc)).toBe('caf\u00e9 \u20ac \u{1F600}')
  })
  it('refuses a type element mixed with text', () => {
    expect(errorOf(() => valueOf('text<string>x</string>')).message).toMatch(/either text or one type element/)
  })
})

describe('int', () => {
  it('reads <int>, <i4>, <i1>, <i2>, a leading + and surrounding spaces', () => {
    expect(valueOf('<int>42</int>')).toBe(42)
    expect(valueOf('<i4>-7</i4>')).toBe(-7)
    expect(valueOf('<i1>+5</i1>')).toBe(5)
    expect(valueOf('<i2> 12 </i2>')).toBe(12)
    expect(valueOf('<int>\n 2147483647\t</int>')).toBe(2147483647)
    expect(Object.is(valueOf('<int>-0</int>'), 0)).toBe(true)
  })
  it('refuses what is not an integer, with the position of the text', () => {
    for (const bad of [
      '<int>1.5</int>',
      '<int></int>',
      '<int>0x10</int>',
      '<int>1 2</int>',
      '<int>++1</int>',
      '<i4/>',
    ]) {
      const e = errorOf(() => valueOf(bad))
      expect(e, bad).toBeInstanceOf(XmlRpcParseError)
      expect(e.faultCode).toBe(FaultCodes.notXmlRpc)
      expect(e.message).toMatch(/must hold an integer/)
    }
    const e = errorOf(() => valueOf('<int>abc</int>'))
    expect([e.line, e.column]).toEqual([2, 44])
  })
})

describe('i8 and nil', () => {
  it('reads <i8> and <ex:i8>: a number within 2^53, a bigint beyond', () => {
    expect(valueOf('<i8>9007199254740991</i8>')).toBe(9007199254740991)
    expect(valueOf('<i8>9007199254740993</i8>')).toBe(9007199254740993n)
    expect(valueOf('<ex:i8>-9223372036854775808</ex:i8>')).toBe(-9223372036854775808n)
    expect(valueOf('<int>12345678901234567890</int>')).toBe(12345678901234567890n)
  })
  it('reads <nil/>, <ex:nil/> and <nil></nil> as null, and refuses a nil with content', () => {
    expect(valueOf('<nil/>')).toBeNull()
    expect(valueOf('<ex:nil/>')).toBeNull()
    expect(valueOf('<nil></nil>')).toBeNull()
    expect(errorOf(() => valueOf('<nil>0</nil>')).message).toMatch(/<nil> must be empty/)
  })
})

describe('boolean', () => {
  it('reads 0 and 1', () => {
    expect(valueOf('<boolean>1</boolean>')).toBe(true)
    expect(valueOf('<boolean> 0 </boolean>')).toBe(false)
  })
  it('tolerates true/false with a warning', () => {
    const warnings: string[] = []
    expect(valueOf('<boolean>true</boolean>', { onWarning: (w) => warnings.push(w) })).toBe(true)
    expect(valueOf('<boolean>FALSE</boolean>', { onWarning: (w) => warnings.push(w) })).toBe(false)
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/should be 0 or 1/)
  })
  it('refuses anything else', () => {
    expect(errorOf(() => valueOf('<boolean>2</boolean>')).message).toMatch(/<boolean> must hold 0 or 1/)
    expect(errorOf(() => valueOf('<boolean>yes</boolean>')).message).toMatch(/<boolean> must hold 0 or 1/)
  })
})

describe('double', () => {
  it('reads plain decimals, exponents (Python writes 1e+20) and <float>', () => {
    expect(valueOf('<double>3.25</double>')).toBe(3.25)
    expect(valueOf('<double>1e+20</double>')).toBe(1e20)
    expect(valueOf('<double>-1.5E-7</double>')).toBe(-1.5e-7)
    expect(valueOf('<double>.5</double>')).toBe(0.5)
    expect(valueOf('<double>5.</double>')).toBe(5)
    expect(valueOf('<float> 2 </float>')).toBe(2)
    expect(Object.is(valueOf('<double>-0.0</double>'), -0)).toBe(true)
  })
  it("reads Python's inf and nan with a warning", () => {
    const warnings: string[] = []
    expect(valueOf('<double>inf</double>', { onWarning: (w) => warnings.push(w) })).toBe(Infinity)
    expect(valueOf('<double>-inf</double>', { onWarning: (w) => warnings.push(w) })).toBe(-Infinity)
    expect(valueOf('<double>nan</double>', { onWarning: (w) => warnings.push(w) })).toBeNaN()
    expect(warnings).toHaveLength(3)
  })
  it('refuses what is not a number', () => {
    for (const bad of ['<double>1,5</double>', '<double>e5</double>', '<double></double>', '<double>1e</double>']) {
      expect(errorOf(() => valueOf(bad)).message, bad).toMatch(/must hold a number/)
    }
  })
})

describe('dateTime.iso8601', () => {
  const dt = (text: string) => valueOf(`<dateTime.iso8601>${text}</dateTime.iso8601>`) as XmlRpcDateTime
  it('reads the spec form as wall-clock fields with no zone', () => {
    expect(dt('19980717T14:08:55')).toEqual(new XmlRpcDateTime(1998, 7, 17, 14, 8, 55, '', null))
  })
  it('reads dashes, compact times, fractions, Z and offsets, keeping zone and fraction as written', () => {
    expect(dt('1998-07-17T14:08:55')).toEqual(new XmlRpcDateTime(1998, 7, 17, 14, 8, 55))
    expect(dt('19980717T140855')).toEqual(new XmlRpcDateTime(1998, 7, 17, 14, 8, 55))
    expect(dt('2024-02-29T23:59:60.125Z')).toEqual(new XmlRpcDateTime(2024, 2, 29, 23, 59, 60, '125', 'Z'))
    expect(dt('20240101T09:00:00+02:00')).toEqual(new XmlRpcDateTime(2024, 1, 1, 9, 0, 0, '', '+02:00'))
    expect(dt(' 20240101T09:00:00-0530 ')).toEqual(new XmlRpcDateTime(2024, 1, 1, 9, 0, 0, '', '-0530'))
  })
  it("reads WordPress's zero date as the all-zero value", () => {
    expect(dt('00000000T00:00:00Z')).toEqual(new XmlRpcDateTime(0, 0, 0, 0, 0, 0, '', 'Z'))
    expect(dt('00000000T00:00:00')).toEqual(new XmlRpcDateTime(0, 0, 0, 0, 0, 0, '', null))
  })
  it('refuses impossible or malformed dates', () => {
    for (const bad of [
      '20230229T00:00:00',
      '20241301T00:00:00',
      '20240101T24:00:00',
      '2024-0101T00:00:00',
      '20240101',
      '20240101T00:00:00+25:00',
      '00000000T01:00:00',
    ]) {
      expect(errorOf(() => dt(bad)).message, bad).toMatch(/must hold a date and time/)
    }
  })
})

describe('base64', () => {
  const b64 = (text: string) => valueOf(`<base64>${text}</base64>`) as Buffer
  it('reads one-line, line-broken (Python wraps at 76 columns) and empty base64 as bytes', () => {
    expect(b64('aGVsbG8=')).toEqual(Buffer.from('hello'))
    expect(b64('\naGVs\nbG8g\r\nd29y bGQ=\n')).toEqual(Buffer.from('hello world'))
    expect(b64('')).toEqual(Buffer.alloc(0))
    expect(valueOf('<base64/>')).toEqual(Buffer.alloc(0))
    expect(b64('aGVsbG8')).toEqual(Buffer.from('hello'))
  })
  it('refuses what Node would silently skip or misread, from a string and from bytes', () => {
    for (const bad of [
      'aGV*bG8=',
      'aGVs-G8=',
      'aGVs_G8=',
      'aG=sbG8=',
      'aGVsbG8===',
      'aGVsb',
      'aGVsbA=',
      '\u00e9GVsbG8=',
      'aGVs&amp;G8=',
      'aGVs&#322;G8=',
    ]) {
      expect(errorOf(() => b64(bad)).message, bad).toMatch(/<base64> must hold base64/)
      expect(errorOf(() => decodeValue(Buffer.from(responseWith(`<base64>${bad}</base64>`)))).message, bad).toMatch(
        /<base64> must hold base64/,
      )
    }
    expect(decodeValue(Buffer.from(responseWith('<base64>aGVs&#98;G8=</base64>')))).toEqual(Buffer.from('hello'))
  })
  it('reports a control character inside base64 as an invalid character', () => {
    expect(errorOf(() => b64('aGVs\u0001bG8=')).faultCode).toBe(FaultCodes.invalidCharacter)
  })
})

describe('struct', () => {
  it('reads members into an object without prototype; the last duplicate wins', () => {
    const s = valueOf(
      '<struct><member><name>a</name><value><int>1</int></value></member><member><name>a</name><value>2</value></member><member><name>b</name><value/></member></struct>',
    )
    expect(Object.getPrototypeOf(s)).toBeNull()
    expect({ ...(s as object) }).toEqual({ a: '2', b: '' })
  })
  it('reads empty structs, whitespace and comments between members, and the value-before-name order', () => {
    expect({ ...(valueOf('<struct/>') as object) }).toEqual({})
    expect({ ...(valueOf('<struct>\n  <!-- c -->\n</struct>') as object) }).toEqual({})
    expect({
      ...(valueOf('<struct> <member> <value><i4>1</i4></value> <name>x</name> </member> </struct>') as object),
    }).toEqual({ x: 1 })
  })
  it('keeps member names as written, entities decoded', () => {
    expect(
      Object.keys(valueOf('<struct><member><name> a&amp;b </name><value>v</value></member></struct>') as object),
    ).toEqual([' a&b '])
  })
  it('refuses a member without a name or value, or with two of either', () => {
    expect(errorOf(() => valueOf('<struct><member><name>a</name></member></struct>')).message).toMatch(
      /expected <name> or <value>, found <\/member>|found <\/member>/,
    )
    expect(
      errorOf(() => valueOf('<struct><member><value>1</value><value>2</value></member></struct>')).message,
    ).toMatch(/one <name> and one <value>/)
    expect(errorOf(() => valueOf('<struct><member/></struct>')).message).toMatch(/needs a <name> and a <value>/)
  })
})

describe('array', () => {
  it('reads empty arrays, mixed types and nesting', () => {
    expect(valueOf('<array><data></data></array>')).toEqual([])
    expect(valueOf('<array><data/></array>')).toEqual([])
    expect(valueOf('<array/>')).toEqual([])
    expect(
      valueOf(
        '<array>\n <data>\n  <value><int>1</int></value>\n  <value>two</value>\n  <value><array><data><value><boolean>0</boolean></value></data></array></value>\n </data>\n</array>',
      ),
    ).toEqual([1, 'two', [false]])
  })
  it('refuses values outside <data>', () => {
    expect(errorOf(() => valueOf('<array><value>1</value></array>')).message).toMatch(/expected <data>, found <value>/)
  })
})

describe('unknown types', () => {
  it('refuses an element that is not a value type', () => {
    const e = errorOf(() => valueOf('<date>x</date>'))
    expect(e.message).toMatch(/unknown value type <date>/)
    expect(e.faultCode).toBe(FaultCodes.notXmlRpc)
  })
})
