import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeResponse } from './decode'
import { encodeCall } from './encode'
import { createXmlRpcServer } from './server'
import { listen, post, type Listening } from './testing/listen'
import { registerValidator1 } from './validator1'
import { struct, XmlRpcDateTime, type XmlRpcValue } from './values'

const rpc = createXmlRpcServer()
registerValidator1(rpc)
let server: Listening
beforeAll(async () => (server = await listen(rpc)))
afterAll(() => server.close())

async function call(method: string, ...params: XmlRpcValue[]) {
  return decodeResponse((await post(server.url, encodeCall(`validator1.${method}`, params))).text)
}
async function value(method: string, ...params: XmlRpcValue[]) {
  const r = await call(method, ...params)
  if (r.kind === 'fault') throw r.fault
  return r.value
}
async function faultOf(method: string, ...params: XmlRpcValue[]) {
  const r = await call(method, ...params)
  return r.kind === 'fault' ? [r.fault.faultCode, r.fault.faultString] : 'no fault'
}
const stooges = (moe: number, larry: number, curly?: number) =>
  struct(curly === undefined ? { moe, larry } : { moe, larry, curly })

describe('validator1 (docs/protocols.md §1)', () => {
  it('registers exactly the eight methods, each with a signature and help', async () => {
    const names = rpc.listMethods().filter((n) => n.startsWith('validator1.'))
    expect(names).toEqual(
      [
        'arrayOfStructsTest',
        'countTheEntities',
        'easyStructTest',
        'echoStructTest',
        'manyTypesTest',
        'moderateSizeArrayCheck',
        'nestedStructTest',
        'simpleStructReturnTest',
      ].map((n) => `validator1.${n}`),
    )
    for (const n of names) {
      const sig = decodeResponse((await post(server.url, encodeCall('system.methodSignature', [n]))).text)
      expect(sig.kind === 'value' && Array.isArray(sig.value) && Array.isArray(sig.value[0])).toBe(true)
    }
  })
  it('arrayOfStructsTest sums every curly, a missing one counting 0', async () => {
    expect(await value('arrayOfStructsTest', [stooges(1, 2, 3), stooges(4, 5, -6), stooges(7, 8)])).toBe(-3)
    expect(await value('arrayOfStructsTest', [])).toBe(0)
    expect(await faultOf('arrayOfStructsTest', [stooges(1, 2, 3), 'x'])).toEqual([-32602, 'element 1 must be a struct'])
  })
  it('countTheEntities counts < > & \' "', async () => {
    expect({ ...((await value('countTheEntities', `<<x>> & 'a' "b" "c"`)) as object) }).toEqual({
      ctLeftAngleBrackets: 2,
      ctRightAngleBrackets: 2,
      ctAmpersands: 1,
      ctApostrophes: 2,
      ctQuotes: 4,
    })
  })
  it('easyStructTest sums moe, larry and curly, and refuses a missing one', async () => {
    expect(await value('easyStructTest', stooges(2, 3, 4))).toBe(9)
    expect(await faultOf('easyStructTest', stooges(2, 3))).toEqual([-32602, 'member curly must be an int'])
  })
  it('echoStructTest returns the struct unchanged', async () => {
    const s = struct({ a: [1, 'b'], c: struct({ d: true }), e: Buffer.from('x') })
    expect(await value('echoStructTest', s)).toEqual(s)
  })
  it('manyTypesTest returns its six params in order, the double still a double', async () => {
    const dt = new XmlRpcDateTime(1998, 7, 17, 14, 8, 55)
    const res = await post(
      server.url,
      encodeCall('validator1.manyTypesTest', [1, false, 's', 2.5, dt, Buffer.from('b')]),
    )
    expect(decodeResponse(res.text)).toEqual({ kind: 'value', value: [1, false, 's', 2.5, dt, Buffer.from('b')] })
    const whole = await post(
      server.url,
      encodeCall('validator1.manyTypesTest', [1, false, 's', 2, dt, Buffer.from('b')]),
    )
    expect(whole.text).toContain('<double>2.0</double>')
  })
  it('moderateSizeArrayCheck concatenates the first and last strings', async () => {
    const list = Array.from({ length: 150 }, (_, i) => `item${i}`)
    expect(await value('moderateSizeArrayCheck', list)).toBe('item0item149')
    expect((await faultOf('moderateSizeArrayCheck', [1, 2]))[0]).toBe(-32602)
  })
  it('nestedStructTest sums the stooges of 2000-04-01, keyed by strings', async () => {
    const cal = struct({
      '1999': struct({}),
      '2000': struct({ '03': struct({ '01': stooges(9, 9, 9) }), '04': struct({ '01': stooges(10, 20, 30) }) }),
    })
    expect(await value('nestedStructTest', cal)).toBe(60)
    expect(await faultOf('nestedStructTest', struct({ '2000': struct({}) }))).toEqual([
      -32602,
      'member "2000"."04" must be a struct',
    ])
  })
  it('simpleStructReturnTest multiplies by 10, 100 and 1000', async () => {
    expect({ ...((await value('simpleStructReturnTest', -7)) as object) }).toEqual({
      times10: -70,
      times100: -700,
      times1000: -7000,
    })
  })
})
