import { describe, expect, it } from 'vitest'
import { decodeCall, decodeResponse } from './decode'
import { FaultCodes, XmlRpcFault } from './fault'
import { errorOf } from './testing/documents'

const fault = (code: string, message: string) =>
  `<methodResponse><fault><value><struct><member><name>faultCode</name><value>${code}</value></member><member><name>faultString</name><value>${message}</value></member></struct></value></fault></methodResponse>`

describe('decodeResponse', () => {
  it('returns the one param as a value', () => {
    expect(
      decodeResponse('<methodResponse><params><param><value><int>1</int></value></param></params></methodResponse>'),
    ).toEqual({ kind: 'value', value: 1 })
  })
  it('returns a fault, with every member the server sent', () => {
    const r = decodeResponse(
      fault('<int>4</int>', '<string>Too many parameters.</string>').replace(
        '</struct>',
        '<member><name>extra</name><value>x</value></member></struct>',
      ),
    )
    if (r.kind !== 'fault') throw new Error('expected a fault')
    expect(r.fault).toBeInstanceOf(XmlRpcFault)
    expect([r.fault.faultCode, r.fault.faultString]).toEqual([4, 'Too many parameters.'])
    expect(r.fault.members?.extra).toBe('x')
  })
  it('accepts a fault code sent as a string, and an untyped fault string', () => {
    const r = decodeResponse(fault('<string>1</string>', 'oops'))
    expect(r.kind === 'fault' && [r.fault.faultCode, r.fault.faultString]).toEqual([1, 'oops'])
  })
  it('refuses a fault that is not a struct with faultCode and faultString', () => {
    expect(
      errorOf(() =>
        decodeResponse('<methodResponse><fault><value><string>no</string></value></fault></methodResponse>'),
      ).message,
    ).toMatch(/integer faultCode and a faultString/)
    expect(errorOf(() => decodeResponse(fault('<string>x</string>', 'y'))).faultCode).toBe(FaultCodes.notXmlRpc)
  })
  it('refuses both params and fault, neither, no param, or more than one param', () => {
    const both =
      '<methodResponse><params><param><value>1</value></param></params><fault><value><struct/></value></fault></methodResponse>'
    expect(errorOf(() => decodeResponse(both)).message).toMatch(/one <params> or one <fault>, not both/)
    expect(errorOf(() => decodeResponse('<methodResponse></methodResponse>')).message).toMatch(
      /expected <params> or <fault>/,
    )
    expect(errorOf(() => decodeResponse('<methodResponse/>')).message).toMatch(/empty <methodResponse>/)
    expect(errorOf(() => decodeResponse('<methodResponse><params></params></methodResponse>')).message).toMatch(
      /exactly one <param>, found none/,
    )
    const two =
      '<methodResponse><params><param><value>1</value></param><param><value>2</value></param></params></methodResponse>'
    expect(errorOf(() => decodeResponse(two)).message).toMatch(/exactly one <param>, found more/)
  })
  it('refuses a call where a response is expected, and the reverse', () => {
    const e = errorOf(() => decodeResponse('<methodCall><methodName>x</methodName></methodCall>'))
    expect(e.message).toMatch(/expected <methodResponse>, found <methodCall>/)
    expect(e.faultCode).toBe(FaultCodes.notXmlRpc)
    expect(errorOf(() => decodeCall('<methodResponse/>')).message).toMatch(/expected <methodCall>/)
  })
  it('refuses an HTML page or plain text as not well formed', () => {
    expect(errorOf(() => decodeResponse('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>')).faultCode).toBe(
      FaultCodes.notWellFormed,
    )
    expect(errorOf(() => decodeResponse('Internal Server Error')).message).toMatch(
      /expected <methodResponse>, found text/,
    )
    expect(errorOf(() => decodeResponse('')).message).toMatch(/expected the root element/)
  })
})

describe('decodeCall', () => {
  it('reads the method name and the params in order', () => {
    const call = decodeCall(`<?xml version="1.0"?>
<methodCall>
  <methodName>examples.getStateName</methodName>
  <params>
    <param><value><i4>41</i4></value></param>
    <param><value>untyped</value></param>
  </params>
</methodCall>`)
    expect(call).toEqual({ method: 'examples.getStateName', params: [41, 'untyped'] })
  })
  it('accepts a call without <params> or with empty <params>', () => {
    expect(decodeCall('<methodCall><methodName>system.listMethods</methodName></methodCall>').params).toEqual([])
    expect(decodeCall('<methodCall><methodName>a</methodName><params/></methodCall>').params).toEqual([])
    expect(decodeCall('<methodCall><methodName> a.b </methodName><params></params></methodCall>').method).toBe('a.b')
  })
  it('refuses an empty method name and an empty <param>', () => {
    expect(errorOf(() => decodeCall('<methodCall><methodName></methodName></methodCall>')).message).toMatch(
      /method name is empty/,
    )
    expect(errorOf(() => decodeCall('<methodCall><methodName/></methodCall>')).message).toMatch(/method name is empty/)
    expect(
      errorOf(() => decodeCall('<methodCall><methodName>a</methodName><params><param/></params></methodCall>')).message,
    ).toMatch(/empty <param>/)
  })
})
