import { seededRandom } from '../base/seeded-random'
import { isStruct } from '../xmlrpc/get-member'
import { struct, XmlRpcDateTime, XmlRpcDouble, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'

/**
 * The validator1 interop suite as a client runs it: for each of the eight methods, generated
 * inputs and a check of the answer (docs/protocols.md §1). `check` returns why it failed, or null.
 */
export interface ValidatorCase {
  name: string
  method: string
  params: XmlRpcValue[]
  check(answer: XmlRpcValue): string | null
}

/** Seeded integers in [0, max): the same seed gives the same inputs, to reproduce a failure. */
export function random(seed: number): (max: number) => number {
  const next = seededRandom(seed)
  return (max) => Math.floor(next() * max)
}

export function validatorCases(seed: number): ValidatorCase[] {
  const rnd = random(seed)
  const int = (): number => rnd(2001) - 1000
  const stooges = (): XmlRpcStruct => struct({ moe: int(), larry: int(), curly: int() })
  const sum = (s: XmlRpcStruct): number => (s.moe as number) + (s.larry as number) + (s.curly as number)
  const text = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet[rnd(alphabet.length)]).join('')
  const expectEqual = (want: XmlRpcValue) => (got: XmlRpcValue) =>
    got === want ? null : `expected ${show(want)}, got ${show(got)}`

  const structs = Array.from({ length: 5 + rnd(6) }, stooges)
  const entities = text(`ab <>&'"xyz`, 50 + rnd(150))
  const count = (c: string): number => entities.split(c).length - 1
  const easy = stooges()
  const echo = struct(Object.fromEntries(Array.from({ length: 1 + rnd(5) }, (_, i) => [`substruct${i}`, stooges()])))
  const many: XmlRpcValue[] = [
    int(),
    rnd(2) === 1,
    text('abc xyz<&>', 20),
    new XmlRpcDouble(int() + rnd(1000) / 1000 + 0.0005),
    new XmlRpcDateTime(1990 + rnd(40), 1 + rnd(12), 1 + rnd(28), rnd(24), rnd(60), rnd(60)),
    Uint8Array.from({ length: rnd(64) }, () => rnd(256)),
  ]
  const words = Array.from({ length: 100 + rnd(101) }, () => text('abcdefghijklmnopqrstuvwxyz', 1 + rnd(12)))
  const calendar = calendarOf(stooges)
  const n = int()

  return [
    {
      name: 'arrayOfStructsTest',
      method: 'validator1.arrayOfStructsTest',
      params: [structs],
      check: expectEqual(structs.reduce((a, s) => a + (s.curly as number), 0)),
    },
    {
      name: 'countTheEntities',
      method: 'validator1.countTheEntities',
      params: [entities],
      check: expectMembers({
        ctLeftAngleBrackets: count('<'),
        ctRightAngleBrackets: count('>'),
        ctAmpersands: count('&'),
        ctApostrophes: count("'"),
        ctQuotes: count('"'),
      }),
    },
    { name: 'easyStructTest', method: 'validator1.easyStructTest', params: [easy], check: expectEqual(sum(easy)) },
    {
      name: 'echoStructTest',
      method: 'validator1.echoStructTest',
      params: [echo],
      check: (got) => (same(got, echo) ? null : `expected ${show(echo)}, got ${show(got)}`),
    },
    {
      name: 'manyTypesTest',
      method: 'validator1.manyTypesTest',
      params: many,
      check: (got) => checkManyTypes(got, many),
    },
    {
      name: 'moderateSizeArrayCheck',
      method: 'validator1.moderateSizeArrayCheck',
      params: [words],
      check: expectEqual(words[0] + words[words.length - 1]),
    },
    {
      name: 'nestedStructTest',
      method: 'validator1.nestedStructTest',
      params: [calendar.value],
      check: expectEqual(sum(calendar.day)),
    },
    {
      name: 'simpleStructReturnTest',
      method: 'validator1.simpleStructReturnTest',
      params: [n],
      check: expectMembers({ times10: n * 10, times100: n * 100, times1000: n * 1000 }),
    },
  ]
}

/** Years 1999–2001, months "01"–"12", real days: the member names are strings that look like numbers. */
function calendarOf(stooges: () => XmlRpcStruct): { value: XmlRpcStruct; day: XmlRpcStruct } {
  const value = struct()
  for (let year = 1999; year <= 2001; year++) {
    const months = struct()
    for (let month = 1; month <= 12; month++) {
      const days = struct()
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
      for (let day = 1; day <= last; day++) days[String(day).padStart(2, '0')] = stooges()
      months[String(month).padStart(2, '0')] = days
    }
    value[String(year)] = months
  }
  return { value, day: ((value['2000'] as XmlRpcStruct)['04'] as XmlRpcStruct)['01'] as XmlRpcStruct }
}

function expectMembers(want: Record<string, number>) {
  return (got: XmlRpcValue): string | null => {
    if (!isStruct(got)) return `expected a struct, got ${show(got)}`
    const wrong = Object.keys(want).filter((k) => got[k] !== want[k])
    return wrong.length ? wrong.map((k) => `${k} should be ${want[k]}, got ${show(got[k])}`).join('; ') : null
  }
}

function checkManyTypes(got: XmlRpcValue, sent: XmlRpcValue[]): string | null {
  if (!Array.isArray(got) || got.length !== 6) return `expected an array of 6 values, got ${show(got)}`
  const [i, b, s, d, dt, bytes] = got
  const double = (sent[3] as XmlRpcDouble).value
  const when = sent[4] as XmlRpcDateTime
  const problems: string[] = []
  if (i !== sent[0]) problems.push(`int: expected ${show(sent[0])}, got ${show(i)}`)
  if (b !== sent[1]) problems.push(`boolean: expected ${show(sent[1])}, got ${show(b)}`)
  if (s !== sent[2]) problems.push(`string: expected ${show(sent[2])}, got ${show(s)}`)
  if (typeof d !== 'number' || Math.abs(d - double) > 1e-9 * Math.max(1, Math.abs(double)))
    problems.push(`double: expected ${double}, got ${show(d)}`)
  if (
    !(dt instanceof XmlRpcDateTime) ||
    ['year', 'month', 'day', 'hour', 'minute', 'second'].some((k) => dt[k as 'year'] !== when[k as 'year'])
  )
    problems.push(`dateTime: expected ${show(when)}, got ${show(dt)}`)
  if (!(bytes instanceof Uint8Array) || Buffer.compare(Buffer.from(bytes), Buffer.from(sent[5] as Uint8Array)) !== 0)
    problems.push(`base64: expected ${show(sent[5])}, got ${show(bytes)}`)
  return problems.length ? problems.join('; ') : null
}

/** Deep equality of decoded values, member order ignored. */
export function same(a: XmlRpcValue, b: XmlRpcValue): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]))
  if (isStruct(a) || isStruct(b)) {
    if (!isStruct(a) || !isStruct(b)) return false
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]))
  }
  return show(a) === show(b)
}

/** A short readable form for messages. */
export function show(v: XmlRpcValue | undefined): string {
  if (v === undefined) return 'nothing'
  if (v instanceof Uint8Array) return `base64(${Buffer.from(v).toString('base64')})`
  if (v instanceof XmlRpcDateTime) return `dateTime(${v.year}-${v.month}-${v.day} ${v.hour}:${v.minute}:${v.second})`
  if (v instanceof XmlRpcDouble) return String(v.value)
  const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v)
  return text.length > 120 ? `${text.slice(0, 117)}…` : text
}
