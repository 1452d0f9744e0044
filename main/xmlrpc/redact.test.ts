import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createXmlRpcClient } from './client'
import { APPKEY, PASSWORD, PASSWORD_MD5, secretCalls, secretForms } from './testing/peers/secret-calls'
import { startPythonServer, type Peer } from './testing/peers/python-peer'
import { decodeCall } from './decode'
import { encodeCall, encodeResponse } from './encode'
import { createRedactor, createScrubber, REDACTED, secretParamIndexes, stripUrlCredentials } from './redact'
import { struct } from './values'
import type { WireEntry } from './wire-log'

const hits = (text: string): string[] => secretForms().filter((f) => text.includes(f))

describe('secretParamIndexes', () => {
  it('follows each protocol', () => {
    expect(secretParamIndexes('mainResponder.discuss.newMessage')).toEqual([2])
    expect(secretParamIndexes('xmlStorageSystem.ping')).toEqual([1])
    expect(secretParamIndexes('xmlStorageSystem.registerUser')).toEqual([2])
    expect(secretParamIndexes('xmlStorageSystem.mailPasswordToUser')).toEqual([])
    expect(secretParamIndexes('xmlstoragesystem.SAVEMULTIPLEFILES')).toEqual([1]) // Frontier ignores case
    expect(secretParamIndexes('blogger.getUsersBlogs')).toEqual([0, 2])
    expect(secretParamIndexes('blogger.newPost')).toEqual([0, 3])
    expect(secretParamIndexes('metaWeblog.newMediaObject')).toEqual([2])
    expect(secretParamIndexes('weblogUpdates.ping')).toEqual([])
  })
})

describe('createRedactor', () => {
  const redact = createRedactor()

  it('redacts positional params and nothing else', () => {
    const xml = encodeCall('mainResponder.discuss.newMessage', ['dg', 'me', 'hunter2', 'Title', 'Body', 0])
    const out = redact('mainResponder.discuss.newMessage', xml)
    expect(out).not.toContain('hunter2')
    expect(out).toContain(`<string>${REDACTED}</string>`)
    expect(decodeCall(out).params).toEqual(['dg', 'me', REDACTED, 'Title', 'Body', 0])
  })

  it('redacts a secret that is a struct or array entirely, keeping the document well formed', () => {
    const xml = encodeCall('xmlStorageSystem.ping', ['u', [struct({ deep: 'hunter2' })]])
    const out = redact('xmlStorageSystem.ping', xml)
    expect(out).not.toContain('hunter2')
    expect(() => decodeCall(out)).not.toThrow()
  })

  it('redacts password members at any depth, in calls and responses', () => {
    const value = struct({ a: [struct({ Password: 'hunter2', keep: 'visible' })] })
    expect(redact('anything', encodeCall('anything', [value]))).not.toContain('hunter2')
    const response = redact('anything', encodeResponse(value))
    expect(response).not.toContain('hunter2')
    expect(response).toContain('visible')
  })

  it('does not apply call positions to a response', () => {
    const out = redact('mainResponder.discuss.editMessage', encodeResponse(['a', 'b', 'third', 'd']))
    expect(out).toContain('third')
  })

  it('handles CDATA, comments, whitespace and other encoders’ layouts', () => {
    const xml = `<?xml version="1.0"?>\n<methodCall>\n <methodName>blogger.getUsersBlogs</methodName>\n <params>\n  <param><value>key</value></param>\n  <param> <value><string>me</string></value> </param>\n  <!-- c -->\n  <param><value><string><![CDATA[hun</param>ter2]]></string></value></param>\n </params>\n</methodCall>`
    const out = redact('blogger.getUsersBlogs', xml)
    expect(out).not.toContain('hunter2')
    expect(out).not.toContain('ter2')
    expect(out).not.toContain('>key<')
    expect(out).toContain('<string>me</string>')
  })

  it('redacts known secrets in every wire form, and their MD5', () => {
    const r = createRedactor({ secrets: [PASSWORD, undefined, ''] })
    const inXml = r(
      'weblogUpdates.ping',
      encodeResponse([`said ${PASSWORD}!`, PASSWORD_MD5, PASSWORD_MD5.toUpperCase()]),
    )
    expect(hits(inXml)).toEqual([])
    expect(inXml).toContain('said [redacted]!')
    const scrub = createScrubber([PASSWORD])
    expect(scrub(`plain ${PASSWORD} and ${encodeURIComponent(PASSWORD)} text`)).toBe(
      `plain ${REDACTED} and ${REDACTED} text`,
    )
  })

  it('redacts credentials and tokens in URLs', () => {
    const scrub = createScrubber([])
    expect(scrub('see http://me:hunter2@example.com/RPC2 now')).toBe(`see http://${REDACTED}@example.com/RPC2 now`)
    expect(scrub('http://127.0.0.1:5320/?token=abc123&x=1')).toBe(`http://127.0.0.1:5320/?token=${REDACTED}&x=1`)
    expect(stripUrlCredentials('http://me:hunter2@example.com/RPC2')).toBe('http://example.com/RPC2')
  })

  it('a cut document never leaks (the wire log keeps only the start)', () => {
    const xml = encodeCall('metaWeblog.getPost', ['p', 'me', 'hunter2'])
    for (let n = 0; n < xml.length; n++) expect(redact('metaWeblog.getPost', xml.slice(0, n))).not.toContain('hunter2')
  })
})

describe('publishing with a known password through every mapped method', () => {
  let quiet: Peer
  let echoing: Peer
  beforeAll(async () => {
    ;[quiet, echoing] = await Promise.all([startPythonServer('catchall'), startPythonServer('catchall-echo')])
  })
  afterAll(() => Promise.all([quiet.close(), echoing.close()]))

  it('the default redactor (positions and members only) leaves zero hits in the wire entries', async () => {
    const wire: WireEntry[] = []
    const client = createXmlRpcClient(quiet.url, { onWire: (e) => wire.push(e) })
    for (const c of secretCalls()) await client.call(c.method, c.params)
    expect(wire).toHaveLength(secretCalls().length)
    expect(wire.filter((e) => !e.requestXml.includes(REDACTED)).map((e) => e.method)).toEqual([
      'xmlStorageSystem.mailPasswordToUser',
    ])
    expect(wire.every((e) => e.status === 200)).toBe(true)
    expect(hits(JSON.stringify(wire))).toEqual([])
    // The server did receive the secrets: redaction is for the log only.
    expect(wire.find((e) => e.method === 'webHost.put')?.requestXml).toContain('relativePath')
  })

  it('with the app’s known secrets, an echoing server leaves zero hits too (the URL password included)', async () => {
    const wire: WireEntry[] = []
    const url = echoing.url.replace('http://', `http://me:${encodeURIComponent(PASSWORD)}@`)
    const client = createXmlRpcClient(url, {
      onWire: (e) => wire.push(e),
      redactor: createRedactor({ secrets: [PASSWORD, APPKEY] }),
    })
    for (const c of secretCalls()) await client.call(c.method, c.params)
    expect(wire.some((e) => e.responseXml.includes(REDACTED))).toBe(true)
    expect(hits(JSON.stringify(wire))).toEqual([])
  })
})
