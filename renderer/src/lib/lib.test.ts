import { describe, expect, it } from 'vitest'
import { diffLines, merge3, splitLines } from './line-diff'
import { prettyXml, prettyXmlText } from './xml-pretty'
import { parseArgs } from './typed-args'

describe('line diff', () => {
  it('finds the smallest set of changed lines', () => {
    const d = diffLines(splitLines('a\nb\nc\nd'), splitLines('a\nx\nc\nd\ne'))
    expect(d.map((l) => `${l.op[0]}${l.text}`)).toEqual(['sa', 'db', 'ax', 'sc', 'sd', 'ae'])
  })
  it('handles empty sides', () => {
    expect(diffLines([], ['a']).map((l) => l.op)).toEqual(['add'])
    expect(diffLines(['a'], []).map((l) => l.op)).toEqual(['del'])
    expect(diffLines([], [])).toEqual([])
  })
  it('stays correct on long, very different texts', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`)
    const b = Array.from({ length: 3000 }, (_, i) => (i % 3 ? `a${i}` : `b${i}`))
    const d = diffLines(a, b)
    expect(d.filter((l) => l.op !== 'add').map((l) => l.text)).toEqual(a)
    expect(d.filter((l) => l.op !== 'del').map((l) => l.text)).toEqual(b)
  })
})

describe('three-way merge', () => {
  const base = 'one\ntwo\nthree\nfour'
  it('takes changes made on either side alone', () => {
    expect(merge3(base, 'ONE\ntwo\nthree\nfour', 'one\ntwo\nthree\nFOUR')).toEqual({
      text: 'ONE\ntwo\nthree\nFOUR',
      conflicts: 0,
    })
    expect(merge3(base, base + '\nfive', base).text).toBe(base + '\nfive')
    expect(merge3(base, 'one\nthree\nfour', base).text).toBe('one\nthree\nfour')
  })
  it('marks lines both sides changed differently', () => {
    const r = merge3(base, 'one\nmine\nthree\nfour', 'one\ntheirs\nthree\nfour')
    expect(r.conflicts).toBe(1)
    expect(r.text).toBe('one\n<<<<<<< mine\nmine\n=======\ntheirs\n>>>>>>> theirs\nthree\nfour')
  })
  it('agrees where both made the same change', () => {
    expect(merge3(base, 'one\nsame\nthree\nfour', 'one\nsame\nthree\nfour')).toEqual({
      text: 'one\nsame\nthree\nfour',
      conflicts: 0,
    })
  })
})

describe('xml pretty printer', () => {
  it('indents containers and keeps leaves on one line', () => {
    const xml =
      '<?xml version="1.0"?><methodCall><methodName>a.b</methodName><params><param><value><string>hi &amp; bye</string></value></param></params></methodCall>'
    expect(prettyXmlText(xml)).toBe(
      [
        '<?xml version="1.0"?>',
        '<methodCall>',
        '  <methodName>a.b</methodName>',
        '  <params>',
        '    <param>',
        '      <value>',
        '        <string>hi &amp; bye</string>',
        '      </value>',
        '    </param>',
        '  </params>',
        '</methodCall>',
      ].join('\n'),
    )
  })
  it('splits attributes and survives broken input', () => {
    const [line] = prettyXml('<a href="x" b=\'y\'/>')
    expect(line.parts.map((p) => p.kind)).toEqual([
      'punct',
      'tag',
      'text',
      'attr',
      'punct',
      'value',
      'text',
      'attr',
      'punct',
      'value',
      'punct',
    ])
    expect(prettyXmlText('<value><string>cut off')).toBe('<value>\n  <string>\n    cut off')
  })
})

describe('typed arguments', () => {
  it('reads a JSON array of typed values', () => {
    expect(parseArgs('["sandbox", 42, {"$base64": "aGk="}]')).toEqual({
      ok: true,
      value: ['sandbox', 42, { $base64: 'aGk=' }],
    })
    expect(parseArgs('')).toEqual({ ok: true, value: [] })
  })
  it('says what is wrong and how to write it', () => {
    const r = parseArgs('"one"')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toMatch(/array/)
    expect(parseArgs('[sandbox]').ok).toBe(false)
  })
})
