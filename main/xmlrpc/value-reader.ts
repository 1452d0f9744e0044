import { decodeBase64 } from './base64'
import { positionOf, XmlRpcDepthError } from './codec-errors'
import { parseDateTime } from './datetime'
import { parseBoolean, parseDouble, parseInteger } from './scalar-parse'
import { XmlRpcDouble, type XmlRpcStruct, type XmlRpcValue } from './values'
import type { XmlScanner } from './xml-scanner'

const BLANK = /^[ \t\n]*$/

/** Reads XML-RPC values from a scanner: strict about structure, lenient about scalars (docs/protocols.md §1). */
export class ValueReader {
  /** Where the text of the scalar being read starts (for error messages). */
  private textAt = 0

  constructor(
    private readonly sc: XmlScanner,
    private readonly maxDepth: number,
    private readonly warn: (msg: string) => void,
    private readonly keepDoubleType = false,
  ) {}

  /** The next element, which must be <value>; `depth` is 1 for a param. */
  value(depth: number): XmlRpcValue {
    if (depth > this.maxDepth) throw new XmlRpcDepthError(this.maxDepth, positionOf(this.sc.s, this.sc.pos))
    return this.sc.open('value') ? '' : this.content(depth)
  }

  /** What follows an opened <value>, up to and including </value>. */
  private content(depth: number): XmlRpcValue {
    const sc: XmlScanner = this.sc
    const lead = sc.text()
    if (sc.atEndTag()) {
      // An untyped value is a string, whitespace and all.
      sc.close('value')
      return lead
    }
    if (!BLANK.test(lead)) sc.notXmlRpc('a <value> holds either text or one type element, not both')
    const at = sc.pos
    const type = sc.openTag('a type element such as <string>')
    const empty = sc.empty
    let v: XmlRpcValue
    switch (type) {
      case 'string':
        v = this.scalar(type, empty)
        break
      case 'int':
      case 'i4':
      case 'i1':
      case 'i2':
      case 'i8':
      case 'ex:i8':
        v = this.check(parseInteger(this.scalar(type, empty)), type, 'an integer')
        break
      case 'boolean':
        v = this.check(parseBoolean(this.scalar(type, empty), this.warn), type, '0 or 1')
        break
      case 'double':
      case 'float':
        v = this.check(parseDouble(this.scalar(type, empty), this.warn), type, 'a number')
        if (this.keepDoubleType && Number.isInteger(v)) v = new XmlRpcDouble(v as number)
        break
      case 'dateTime.iso8601':
        v = this.check(parseDateTime(this.scalar(type, empty)), type, 'a date and time')
        break
      case 'base64':
        v = this.base64(empty)
        break
      case 'nil':
      case 'ex:nil':
        if (!BLANK.test(this.scalar(type, empty))) sc.notXmlRpc(`<${type}> must be empty`, at)
        v = null
        break
      case 'struct':
        v = empty ? (Object.create(null) as XmlRpcStruct) : this.struct(depth)
        break
      case 'array':
        v = empty ? [] : this.array(depth)
        break
      default:
        sc.notXmlRpc(`unknown value type <${type}>`, at)
    }
    sc.close('value')
    return v
  }

  /** The text of a scalar element, its end tag consumed. */
  private scalar(type: string, empty: boolean, selfChecked = false): string {
    this.textAt = this.sc.pos
    if (empty) return ''
    const t = this.sc.text(selfChecked)
    this.sc.close(type)
    return t
  }

  private base64(empty: boolean): Buffer {
    // The base64 check refuses every character outside its alphabet, forbidden ones included.
    const text = this.scalar('base64', empty, true)
    const bytes = decodeBase64(text, this.sc.oneByte && this.sc.verbatim)
    if (bytes === undefined) this.sc.legal(text, this.textAt)
    return this.check(bytes, 'base64', 'base64')
  }

  private check<T>(v: T | undefined, type: string, what: string): T {
    if (v === undefined) {
      const s = this.sc.s.slice(this.textAt, Math.min(this.textAt + 40, this.sc.s.indexOf('<', this.textAt)))
      this.sc.notXmlRpc(`<${type}> must hold ${what}, not "${s}"`, this.textAt)
    }
    return v
  }

  private struct(depth: number): XmlRpcStruct {
    const sc: XmlScanner = this.sc
    // No prototype: a member named __proto__ or constructor is just data.
    const out = Object.create(null) as XmlRpcStruct
    while (!sc.atEndTag()) {
      const at = sc.pos
      if (sc.open('member')) sc.notXmlRpc('a <member> needs a <name> and a <value>', at)
      let name: string | undefined
      let value: XmlRpcValue | undefined
      // Name then value is the spec's order; the reverse costs nothing to accept.
      for (let i = 0; i < 2; i++) {
        const tagAt = sc.pos
        const tag = sc.openTag('<name> or <value>')
        if (tag === 'name' && name === undefined) {
          name = sc.empty ? '' : sc.text()
          if (!sc.empty) sc.close('name')
        } else if (tag === 'value' && value === undefined) {
          if (depth + 1 > this.maxDepth) throw new XmlRpcDepthError(this.maxDepth, positionOf(sc.s, tagAt))
          value = sc.empty ? '' : this.content(depth + 1)
        } else sc.notXmlRpc(`a <member> holds one <name> and one <value>, found <${tag}>`, tagAt)
      }
      sc.close('member')
      // Duplicate members: the last one wins.
      out[name!] = value!
    }
    sc.close('struct')
    return out
  }

  private array(depth: number): XmlRpcValue[] {
    const sc: XmlScanner = this.sc
    const out: XmlRpcValue[] = []
    // <array></array> without <data> is read as empty rather than refused.
    if (!sc.atEndTag() && !sc.open('data')) {
      while (!sc.atEndTag()) out.push(this.value(depth + 1))
      sc.close('data')
    }
    sc.close('array')
    return out
  }
}
