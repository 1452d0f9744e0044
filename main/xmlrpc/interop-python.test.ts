import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeCall, decodeResponse } from './decode'
import { createXmlRpcServer } from './server'
import { listen, type Listening } from './testing/listen'
import { pythonJson } from './testing/python'
import { registerValidator1 } from './validator1'
import { XmlRpcDateTime, XmlRpcDouble, type XmlRpcValue } from './values'

// Python's xmlrpc.client, a real peer, both calling our server and producing bytes for our decoder.

const rpc = createXmlRpcServer()
registerValidator1(rpc)
rpc.register('test.types', () => [
  new XmlRpcDouble(1e20),
  2n ** 40n,
  1e-7,
  '\r\n]]>&',
  new XmlRpcDateTime(2024, 2, 29, 23, 59, 58),
])
const nilRpc = createXmlRpcServer({ allowNil: true })
nilRpc.register('test.echo', (params) => params)
let server: Listening
let nilServer: Listening
beforeAll(async () => {
  server = await listen(rpc)
  nilServer = await listen(nilRpc)
})
afterAll(async () => {
  await server.close()
  await nilServer.close()
})

const VALIDATOR = String.raw`
import json, sys, random, xmlrpc.client as x
s = x.ServerProxy(sys.argv[1])
r = {}
def check(name, got, want):
    r[name] = 'ok' if got == want and type(got) == type(want) else 'got %r, want %r' % (got, want)

random.seed(7)
structs = [{'moe': random.randint(-100, 100), 'larry': random.randint(-100, 100), 'curly': random.randint(-100, 100)} for _ in range(10)]
structs.append({'moe': 1, 'larry': 2})
check('arrayOfStructsTest', s.validator1.arrayOfStructsTest(structs), sum(t.get('curly', 0) for t in structs))
text = "<a href='x'>\"Tom\" & \"Jerry\"</a> <<>> &&"
check('countTheEntities', s.validator1.countTheEntities(text), {'ctLeftAngleBrackets': text.count('<'), 'ctRightAngleBrackets': text.count('>'), 'ctAmpersands': text.count('&'), 'ctApostrophes': text.count("'"), 'ctQuotes': text.count('"')})
check('easyStructTest', s.validator1.easyStructTest({'moe': 5, 'larry': 7, 'curly': 11}), 23)
echo = {'a': [1, 'two', 3.5, True], 'b': {'nested': x.Binary(b'\x00\xff\x10')}, 'c': x.DateTime('19980717T14:08:55'), 'd': '', 'e': -1.25e-9}
check('echoStructTest', s.validator1.echoStructTest(echo), echo)
many = s.validator1.manyTypesTest(17, True, 'str <&>', 2.0, x.DateTime('19980717T14:08:55'), x.Binary(bytes(range(256))))
check('manyTypesTest', many, [17, True, 'str <&>', 2.0, x.DateTime('19980717T14:08:55'), x.Binary(bytes(range(256)))])
r['manyTypesTest types'] = [type(v).__name__ for v in many]
strings = ['s%d' % i for i in range(random.randint(100, 200))]
check('moderateSizeArrayCheck', s.validator1.moderateSizeArrayCheck(strings), strings[0] + strings[-1])
cal = {'1999': {'12': {'31': {'moe': 1, 'larry': 1, 'curly': 1}}}, '2000': {'04': {'01': {'moe': 12, 'larry': 34, 'curly': 56}, '02': {'moe': 1, 'larry': 1, 'curly': 1}}}}
check('nestedStructTest', s.validator1.nestedStructTest(cal), 102)
check('simpleStructReturnTest', s.validator1.simpleStructReturnTest(6), {'times10': 60, 'times100': 600, 'times1000': 6000})
try:
    s.validator1.easyStructTest({'moe': 'x', 'larry': 1, 'curly': 1})
    r['bad struct'] = 'no fault'
except x.Fault as f:
    r['bad struct'] = [f.faultCode, f.faultString]
print(json.dumps(r))
`

const INTROSPECTION = String.raw`
import json, sys, xmlrpc.client as x
s = x.ServerProxy(sys.argv[1])
m = x.MultiCall(s)
m.validator1.simpleStructReturnTest(2)
m.no.such.method(1)
m.validator1.easyStructTest({'moe': 1, 'larry': 2, 'curly': 3})
m.validator1.easyStructTest('wrong type')
out = []
it = m()
for i in range(4):
    try:
        out.append(['ok', it[i]])
    except x.Fault as f:
        out.append(['fault', f.faultCode, f.faultString])
try:
    s.no.such()
    missing = None
except x.Fault as f:
    missing = [f.faultCode, f.faultString]
print(json.dumps({
    'listMethods': s.system.listMethods(),
    'signature': s.system.methodSignature('validator1.manyTypesTest'),
    'help': s.system.methodHelp('validator1.easyStructTest'),
    'capabilities': sorted(s.system.getCapabilities().keys()),
    'multicall': out,
    'missing': missing,
    'types': [repr(v) for v in s.test.types()],
}))
`

describe("Python's xmlrpc.client calling our server", () => {
  it('passes the whole validator1 suite', async () => {
    const r = await pythonJson<Record<string, unknown>>(VALIDATOR, [server.url])
    for (const test of [
      'arrayOfStructsTest',
      'countTheEntities',
      'easyStructTest',
      'echoStructTest',
      'manyTypesTest',
      'moderateSizeArrayCheck',
      'nestedStructTest',
      'simpleStructReturnTest',
    ]) {
      expect([test, r[test]]).toEqual([test, 'ok'])
    }
    expect(r['manyTypesTest types']).toEqual(['int', 'bool', 'str', 'float', 'DateTime', 'Binary'])
    expect(r['bad struct']).toEqual([-32602, 'member moe must be an int'])
  })

  it('introspects, multicalls with a fault inside, and reads what we write', async () => {
    const r = await pythonJson<Record<string, unknown>>(INTROSPECTION, [server.url])
    expect(r.listMethods).toEqual(rpc.listMethods())
    expect(r.listMethods).toContain('validator1.nestedStructTest')
    expect(r.signature).toEqual([['array', 'int', 'boolean', 'string', 'double', 'dateTime.iso8601', 'base64']])
    expect(r.help).toMatch(/returns their sum/)
    expect(r.capabilities).toEqual(['faults_interop', 'introspection', 'system.multicall', 'xmlrpc'])
    expect(r.multicall).toEqual([
      ['ok', { times10: 20, times100: 200, times1000: 2000 }],
      ['fault', -32601, 'method "no.such.method" is not supported'],
      ['ok', 6],
      ['fault', -32602, 'validator1.easyStructTest: parameter 1 must be struct, got string'],
    ])
    expect(r.missing).toEqual([-32601, 'method "no.such" is not supported'])
    // Our exponent-free doubles, an i8, \r kept by &#13;, and a dateTime, as Python reads them.
    expect(r.types).toEqual([
      '1e+20',
      '1099511627776',
      '1e-07',
      "'\\r\\n]]>&'",
      expect.stringMatching(/^<DateTime '20240229T23:59:58' at /),
    ])
  })

  it('sends and receives nil with allow_none', async () => {
    const script = String.raw`
import json, sys, xmlrpc.client as x
s = x.ServerProxy(sys.argv[1], allow_none=True)
print(json.dumps(s.test.echo(None, [None, 1], {'k': None})))
`
    expect(await pythonJson(script, [nilServer.url])).toEqual([null, [null, 1], { k: null }])
  })
})

describe("decoding bytes written by Python's xmlrpc.client.dumps", () => {
  const DUMPS = String.raw`
import base64, json, xmlrpc.client as x
values = (1e20, -2.5e-12, 3.0, x.Binary(bytes(range(256)) * 2), x.Binary(b''), x.DateTime('20240101T12:00:00'), {'a': [1, 'two', None], 'b': True, 'caf\u00e9': '<&>'}, 2**31 - 1, 'line\r\nend', [])
docs = {
    'call': x.dumps(values, 'test.values', allow_none=True),
    'response': x.dumps(({'ok': 1.5},), methodresponse=True),
    'fault': x.dumps(x.Fault(4, 'Too many parameters <b>')),
}
print(json.dumps({k: base64.b64encode(v.encode('utf-8')).decode() for k, v in docs.items()}))
`
  let docs: Record<string, Buffer>
  beforeAll(async () => {
    const raw = await pythonJson<Record<string, string>>(DUMPS)
    docs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Buffer.from(v, 'base64')]))
  })

  it('reads a call: exponent doubles, wrapped base64, dateTime, nil, non-ASCII member names', () => {
    expect(docs.call.toString()).toMatch(/<double>1e\+20<\/double>/)
    expect(docs.call.toString()).toMatch(/<base64>\n[A-Za-z0-9+/]{76}\n/)
    const { method, params } = decodeCall(docs.call)
    expect(method).toBe('test.values')
    const bytes = Buffer.from([...Array(256).keys(), ...Array(256).keys()])
    const expected: XmlRpcValue[] = [
      1e20,
      -2.5e-12,
      3,
      bytes,
      Buffer.alloc(0),
      new XmlRpcDateTime(2024, 1, 1, 12, 0, 0),
      { a: [1, 'two', null], b: true, 'caf\u00e9': '<&>' },
      2147483647,
      'line\nend',
      [],
    ]
    expect(params.map(plain)).toEqual(expected.map(plain))
  })
  it('reads a response and a fault', () => {
    expect(plain((decodeResponse(docs.response) as { value: XmlRpcValue }).value)).toEqual({ ok: 1.5 })
    const f = decodeResponse(docs.fault)
    expect(f.kind === 'fault' && [f.fault.faultCode, f.fault.faultString]).toEqual([4, 'Too many parameters <b>'])
  })
})

/** Null-prototype structs as plain objects, for toEqual. */
function plain(v: XmlRpcValue): unknown {
  if (Array.isArray(v)) return v.map(plain)
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null)
    return Object.fromEntries(Object.entries(v).map(([k, m]) => [k, plain(m)]))
  return v
}
