import { FaultCodes, XmlRpcFault } from './fault'
import type { XmlRpcServer } from './server'
import { struct, XmlRpcDouble, type XmlRpcStruct, type XmlRpcValue } from './values'

// The eight validator1.* methods of the UserLand validation suite, exactly per docs/protocols.md §1.

function invalid(message: string): never {
  throw new XmlRpcFault(FaultCodes.invalidParams, message)
}

function asStruct(v: XmlRpcValue | undefined, what: string): XmlRpcStruct {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== null)
    invalid(`${what} must be a struct`)
  return v as XmlRpcStruct
}

/** An int member; `missing` stands in when it is absent (arrayOfStructsTest counts a missing curly as 0). */
function intMember(s: XmlRpcStruct, name: string, missing?: number): number {
  const v = Object.hasOwn(s, name) ? s[name] : missing
  if (typeof v !== 'number' || !Number.isInteger(v)) invalid(`member ${name} must be an int`)
  return v
}

function count(s: string, c: string): number {
  let n = 0
  for (let i = s.indexOf(c); i !== -1; i = s.indexOf(c, i + 1)) n++
  return n
}

export function registerValidator1(server: XmlRpcServer): void {
  server.register(
    'validator1.arrayOfStructsTest',
    ([list]) =>
      (list as XmlRpcValue[]).reduce<number>(
        (sum, s, i) => sum + intMember(asStruct(s, `element ${i}`), 'curly', 0),
        0,
      ),
    {
      signature: [['int', 'array']],
      help: 'Takes an array of structs with int members moe, larry and curly; returns the sum of all the curly members (a missing one counts 0).',
    },
  )
  server.register(
    'validator1.countTheEntities',
    ([s]) =>
      struct({
        ctLeftAngleBrackets: count(s as string, '<'),
        ctRightAngleBrackets: count(s as string, '>'),
        ctAmpersands: count(s as string, '&'),
        ctApostrophes: count(s as string, "'"),
        ctQuotes: count(s as string, '"'),
      }),
    {
      signature: [['struct', 'string']],
      help: 'Takes a string; returns a struct counting its <, >, &, \' and " characters: ctLeftAngleBrackets, ctRightAngleBrackets, ctAmpersands, ctApostrophes, ctQuotes.',
    },
  )
  server.register(
    'validator1.easyStructTest',
    ([s]) => {
      const st = asStruct(s, 'the param')
      return intMember(st, 'moe') + intMember(st, 'larry') + intMember(st, 'curly')
    },
    {
      signature: [['int', 'struct']],
      help: 'Takes a struct with int members moe, larry and curly; returns their sum.',
    },
  )
  server.register('validator1.echoStructTest', ([s]) => s, {
    signature: [['struct', 'struct']],
    help: 'Takes a struct; returns it unchanged.',
  })
  server.register(
    'validator1.manyTypesTest',
    // The double is re-wrapped so that 2.0 goes back as a <double>, not as the int it decoded to.
    ([n, b, s, d, dt, bytes]) => [n, b, s, new XmlRpcDouble(d as number), dt, bytes],
    {
      signature: [['array', 'int', 'boolean', 'string', 'double', 'dateTime.iso8601', 'base64']],
      help: 'Takes an int, a boolean, a string, a double, a dateTime and a base64; returns them as an array of six, in order.',
    },
  )
  server.register(
    'validator1.moderateSizeArrayCheck',
    ([list]) => {
      const a = list as XmlRpcValue[]
      const [first, last] = [a[0], a[a.length - 1]]
      if (typeof first !== 'string' || typeof last !== 'string')
        invalid('the param must be a non-empty array of strings')
      return first + last
    },
    {
      signature: [['string', 'array']],
      help: 'Takes an array of 100 to 200 strings; returns the first and the last concatenated.',
    },
  )
  server.register(
    'validator1.nestedStructTest',
    ([s]) => {
      const day = asStruct(
        asStruct(asStruct(asStruct(s, 'the param')['2000'], 'member "2000"')['04'], 'member "2000"."04"')['01'],
        'member "2000"."04"."01"',
      )
      return intMember(day, 'moe') + intMember(day, 'larry') + intMember(day, 'curly')
    },
    {
      signature: [['int', 'struct']],
      help: 'Takes a calendar struct (years, months, days, keyed by strings such as "2000", "04", "01"); returns moe + larry + curly of the day 2000-04-01.',
    },
  )
  server.register(
    'validator1.simpleStructReturnTest',
    ([n]) => struct({ times10: (n as number) * 10, times100: (n as number) * 100, times1000: (n as number) * 1000 }),
    {
      signature: [['struct', 'int']],
      help: 'Takes an int n; returns a struct with members times10, times100 and times1000.',
    },
  )
}
