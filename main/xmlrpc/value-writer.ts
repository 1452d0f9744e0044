import { encodeBase64 } from './base64'
import { XmlRpcEncodeError } from './codec-errors'
import { dateTimeProblem, formatDateTime } from './datetime'
import { formatDouble } from './number-format'
import { XmlRpcDateTime, XmlRpcDouble, XmlRpcI8 } from './values'
import { escapeText } from './xml-escape'

const INT_MIN = -2147483648
const INT_MAX = 2147483647
const I8_MIN = -(2n ** 63n)
const I8_MAX = 2n ** 63n - 1n
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

function refuse(problem: string): never {
  throw new XmlRpcEncodeError('', problem)
}

/** Prefixes the path of an error thrown below `segment` while it unwinds (no cost when nothing fails). */
function within(e: unknown, segment: string): unknown {
  return e instanceof XmlRpcEncodeError ? new XmlRpcEncodeError(segment + e.path, e.problem) : e
}

/**
 * Appends <value> elements to `out`, strictly per docs/protocols.md §1: always <string>, <int> only
 * within ±2^31, exponent-free <double>, <nil/> and <i8> only when asked for. Anything XML-RPC cannot
 * carry is refused with an XmlRpcEncodeError naming the path to it.
 */
export class ValueWriter {
  out = ''
  /** Containers being written right now: meeting one again means a cycle. */
  private readonly open = new Set<object>()

  constructor(private readonly allowNil: boolean) {}

  value(v: unknown): void {
    switch (typeof v) {
      case 'string':
        this.out += '<value><string>' + escapeText(v) + '</string></value>'
        return
      case 'number':
        this.out += Number.isInteger(v)
          ? '<value><int>' + int(v as number) + '</int></value>'
          : '<value><double>' + double(v as number) + '</double></value>'
        return
      case 'boolean':
        this.out += v ? '<value><boolean>1</boolean></value>' : '<value><boolean>0</boolean></value>'
        return
      case 'bigint':
        this.out += '<value><i8>' + i8(v as bigint) + '</i8></value>'
        return
      case 'object':
        if (v === null) {
          if (!this.allowNil)
            refuse('null cannot be sent: <nil/> is off (allowNil is only for servers known to accept it)')
          this.out += '<value><nil/></value>'
        } else this.object(v)
        return
      default:
        refuse(
          `${typeof v === 'function' ? 'a function' : typeof v === 'symbol' ? 'a symbol' : 'undefined'} cannot be sent`,
        )
    }
  }

  private object(v: object): void {
    if (v instanceof Uint8Array) this.out += '<value><base64>' + encodeBase64(v) + '</base64></value>'
    else if (v instanceof XmlRpcDateTime)
      this.out += '<value><dateTime.iso8601>' + dateTime(v) + '</dateTime.iso8601></value>'
    else if (v instanceof XmlRpcDouble) this.out += '<value><double>' + double(v.value) + '</double></value>'
    else if (v instanceof XmlRpcI8) this.out += '<value><i8>' + i8(v.value) + '</i8></value>'
    else if (Array.isArray(v)) this.array(v)
    else this.struct(v)
  }

  private array(v: unknown[]): void {
    this.enter(v)
    this.out += '<value><array><data>'
    for (let i = 0; i < v.length; i++) {
      try {
        this.value(v[i])
      } catch (e) {
        throw within(e, `[${i}]`)
      }
    }
    this.out += '</data></array></value>'
    this.open.delete(v)
  }

  private struct(v: object): void {
    const proto = Object.getPrototypeOf(v)
    if (proto !== null && proto !== Object.prototype) {
      const kind = (v.constructor as { name?: string } | undefined)?.name || 'object'
      refuse(
        `a ${kind} cannot be sent (only plain objects become structs${v instanceof Date ? '; use XmlRpcDateTime' : ''})`,
      )
    }
    this.enter(v)
    this.out += '<value><struct>'
    const members = v as Record<string, unknown>
    for (const name of Object.keys(members)) {
      const segment = IDENTIFIER.test(name) ? '.' + name : `[${JSON.stringify(name)}]`
      try {
        this.out += '<member><name>' + escapeText(name) + '</name>'
        this.value(members[name])
      } catch (e) {
        throw within(e, segment)
      }
      this.out += '</member>'
    }
    this.out += '</struct></value>'
    this.open.delete(v)
  }

  private enter(v: object): void {
    if (this.open.has(v)) refuse('a cycle: this value contains itself')
    this.open.add(v)
  }
}

function int(v: number): string {
  if (v < INT_MIN || v > INT_MAX)
    refuse(`${v} is outside the <int> range (±2^31): send it as XmlRpcI8/bigint or XmlRpcDouble`)
  return String(v)
}

function double(v: number): string {
  if (!Number.isFinite(v)) refuse(`${v} cannot be sent (XML-RPC has no NaN or Infinity)`)
  return formatDouble(v)
}

function i8(v: bigint): string {
  if (v < I8_MIN || v > I8_MAX) refuse(`${v} is outside the <i8> range (64 bits)`)
  return String(v)
}

function dateTime(v: XmlRpcDateTime): string {
  const problem = dateTimeProblem(v)
  if (problem) refuse(problem)
  return formatDateTime(v)
}
