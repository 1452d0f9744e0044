import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyFault, faultKindOf, type FaultKind } from './classify-fault'
import { createXmlRpcClient } from './client'
import { startNpmServer } from './testing/peers/npm-peer'
import { startOurServer } from './testing/peers/our-peer'
import { startPythonServer, type Peer } from './testing/peers/python-peer'
import { LimitError, TransportError } from './errors'
import { XmlRpcFault } from './fault'

describe('classifyFault on what servers are known to send', () => {
  const table: [number, string, FaultKind][] = [
    [-32601, 'server error. requested method foo.bar does not exist.', 'method-not-found'], // WordPress
    [1, '<class \'Exception\'>:method "xmlStorageSystem.getMyDirectory" is not supported', 'method-not-found'], // Python, PyCS
    [1, 'Unknown method: blogger.foo', 'method-not-found'], // Perl RPC::XML
    [-32601, 'anything at all', 'method-not-found'],
    [4, 'Can\'t call "foo" because the name "foo" hasn\'t been defined.', 'method-not-found'], // Frontier
    [1, "<class 'TypeError'>:registerUser() takes 5 positional arguments but 6 were given", 'wrong-param-count'],
    [1, "<class 'TypeError'>:add() missing 1 required positional argument: 'password'", 'wrong-param-count'],
    [1, 'exceptions.TypeError:registerUser() takes exactly 5 arguments (6 given)', 'wrong-param-count'], // Python 2
    [400, 'Insufficient arguments passed to this XML-RPC method.', 'wrong-param-count'], // WordPress
    [
      3,
      'Incorrect parameters passed to method: Signature permits 2 parameters but the request had 3',
      'wrong-param-count',
    ], // phpxmlrpc
    [-32602, 'invalid method parameters', 'wrong-param-count'],
    [4, 'Wrong number of parameters.', 'wrong-param-count'],
    [403, 'Incorrect username or password.', 'auth'], // WordPress
    [4, "Can't accept the message because the password is not correct.", 'auth'], // Frontier discuss
    [1, 'You are not authorized to post in this group.', 'auth'],
    [7, 'Please log in first.', 'auth'],
    [503, 'Service Unavailable', 'busy'],
    [1, 'The server is busy, try again in a minute.', 'busy'],
    [4, 'Too many parameters.', 'wrong-param-count'], // the spec's own example fault
    [4, 'Message 12 does not exist.', 'other'],
    [1, 'The blog in question is closed for comments.', 'other'], // "blog in" is not "log in"
    [0, '', 'other'],
  ]
  for (const [faultCode, faultString, kind] of table) {
    it(`${faultCode} "${faultString}" → ${kind}`, () => {
      expect(classifyFault({ faultCode, faultString })).toBe(kind)
    })
  }

  it('classifies HTTP statuses', () => {
    expect(classifyFault({ httpStatus: 404 })).toBe('method-not-found')
    expect(classifyFault({ httpStatus: 401 })).toBe('auth')
    expect(classifyFault({ httpStatus: 403 })).toBe('auth')
    expect(classifyFault({ httpStatus: 503 })).toBe('busy')
    expect(classifyFault({ httpStatus: 429 })).toBe('busy')
    expect(classifyFault({ httpStatus: 500 })).toBe('other')
  })

  it('faultKindOf reads faults and HTTP errors, and nothing else', () => {
    expect(faultKindOf(new XmlRpcFault(-32601, 'x'))).toBe('method-not-found')
    expect(faultKindOf(new TransportError('http', 'x', { status: 403 }))).toBe('auth')
    expect(faultKindOf(new TransportError('refused', 'x'))).toBeNull()
    expect(faultKindOf(new LimitError('size', 1, 'x'))).toBeNull()
  })
})

describe('classifyFault against real servers', () => {
  let python: Peer
  let npm: Peer
  let ours: Peer
  beforeAll(async () => {
    ;[python, npm, ours] = await Promise.all([
      startPythonServer('basic'),
      startNpmServer(),
      startOurServer((s) =>
        s.register('add', ([a, b]) => (a as number) + (b as number), { signature: [['int', 'int', 'int']] }),
      ),
    ])
  })
  afterAll(() => Promise.all([python.close(), npm.close(), ours.close()]))

  const kindOf = (url: string, method: string, params: (number | string)[]) =>
    createXmlRpcClient(url)
      .call(method, params)
      .then(() => 'no error', faultKindOf)

  it('Python: an unknown method', async () => {
    expect(await kindOf(python.url, 'xmlStorageSystem.getMyDirectory', [1, 'x'])).toBe('method-not-found')
  })
  it('Python: one parameter too many, one too few', async () => {
    expect(await kindOf(python.url, 'add', [1, 2, 3])).toBe('wrong-param-count')
    expect(await kindOf(python.url, 'add', [1])).toBe('wrong-param-count')
  })
  it('Python: a handler fault that is none of the kinds', async () => {
    expect(await kindOf(python.url, 'add', [1, 'two'])).toBe('other')
  })
  it('the xmlrpc npm server: an unknown method (HTTP 404)', async () => {
    expect(await kindOf(npm.url, 'no.such', [])).toBe('method-not-found')
  })
  it('ours: an unknown method, and names that only an object lookup would find', async () => {
    for (const name of ['no.such', 'constructor', '__proto__', 'toString', 'add.constructor']) {
      expect(await kindOf(ours.url, name, [])).toBe('method-not-found')
    }
  })
  it('ours: a parameter count its signature rules out', async () => {
    expect(await kindOf(ours.url, 'add', [1, 2, 3])).toBe('wrong-param-count')
    expect(await kindOf(ours.url, 'add', [1])).toBe('wrong-param-count')
  })
})
