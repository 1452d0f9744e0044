import { describe, expect, it } from 'vitest'
import { appError } from '../../shared/errors'
import { createXmlRpcClient } from './client'
import { closedPort } from './testing/peers/http-peer'
import { XmlRpcDepthError, XmlRpcEncodeError, XmlRpcParseError } from './codec-errors'
import { InvalidUrlError } from './endpoint'
import { LimitError, ProtocolError, TransportError, toAppError as fromErrorsModule } from './errors'
import { XmlRpcFault } from './fault'
import { toAppError } from './to-app-error'

const ctx = { method: 'metaWeblog.newPost', url: 'http://me:hunter2@blog.example.com/xmlrpc.php', account: 'My blog' }

describe('toAppError', () => {
  it('is what ./errors exports', () => {
    expect(fromErrorsModule).toBe(toAppError)
  })

  it('names the cause and the fix for a refused connection, from a real failed call', async () => {
    const port = await closedPort()
    const e = await createXmlRpcClient(`http://127.0.0.1:${port}/RPC2`)
      .call('m', [])
      .catch((x: unknown) => x)
    const a = toAppError(e, { method: 'm' })
    expect(a).toMatchObject({ kind: 'transport', details: { code: 'refused', method: 'm' } })
    expect(a.message).toBe(`Could not connect to 127.0.0.1:${port} — connection refused. Is the server running?`)
  })

  it('explains a port that fetch refuses (the spec blocks 1, 9, 25…)', async () => {
    const e = await createXmlRpcClient('http://127.0.0.1:9/RPC2')
      .call('m', [])
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ code: 'other', sysCode: 'BAD_PORT' })
    expect(toAppError(e).message).toBe(
      "Could not connect to 127.0.0.1:9: fetch refuses that port, which is reserved for another protocol. Use the server's XML-RPC port.",
    )
  })

  it('maps faults by classification, with code and string in details', () => {
    expect(toAppError(new XmlRpcFault(403, 'Incorrect username or password.'), ctx)).toMatchObject({
      kind: 'auth',
      details: {
        faultCode: 403,
        faultString: 'Incorrect username or password.',
        classification: 'auth',
        account: 'My blog',
      },
    })
    expect(toAppError(new XmlRpcFault(-32601, 'nope'), ctx)).toMatchObject({
      kind: 'unsupported',
      message: expect.stringContaining('metaWeblog.newPost'),
    })
    expect(toAppError(new XmlRpcFault(4, 'Too many parameters.'), ctx)).toMatchObject({
      kind: 'fault',
      details: { classification: 'wrong-param-count' },
    })
    expect(toAppError(new XmlRpcFault(1, 'busy, try again'), ctx)).toMatchObject({
      kind: 'fault',
      details: { classification: 'busy' },
    })
    expect(toAppError(new XmlRpcFault(12, 'Message does not exist.'), ctx)).toMatchObject({
      kind: 'fault',
      message: expect.stringContaining('fault 12'),
    })
  })

  it('never puts URL credentials in details', () => {
    expect(JSON.stringify(toAppError(new XmlRpcFault(1, 'x'), ctx))).not.toContain('hunter2')
    expect(toAppError(new XmlRpcFault(1, 'x'), ctx).details?.url).toBe('http://blog.example.com/xmlrpc.php')
  })

  it('maps each transport code', () => {
    const t = (code: TransportError['code'], d = {}) =>
      toAppError(new TransportError(code, 'm', { url: 'https://h.example/RPC2', ...d }))
    expect(t('dns').message).toMatch(/^Could not find the server h\.example:443 — the name does not resolve/)
    expect(t('reset').kind).toBe('transport')
    expect(t('timeout').message).toMatch(/did not answer in time/)
    expect(t('tls').message).toMatch(/never skips certificate checks/)
    expect(t('aborted').kind).toBe('cancelled')
    expect(t('other').kind).toBe('transport')
    expect(t('http', { status: 500, bodyStart: '<html>oops' })).toMatchObject({
      kind: 'transport',
      message: expect.stringContaining('HTTP 500'),
      details: { status: 500, bodyStart: '<html>oops' },
    })
    expect(t('http', { status: 401, bodyStart: '' }).kind).toBe('auth')
    expect(t('http', { status: 404, bodyStart: '' })).toMatchObject({ details: { classification: 'method-not-found' } })
    expect(t('http', { status: 302, location: 'https://x/' }).details).toMatchObject({ location: 'https://x/' })
  })

  it('maps protocol errors with their position, and limits', () => {
    const parse = new XmlRpcParseError('unexpected end', { offset: 10, line: 2, column: 3 })
    expect(
      toAppError(new ProtocolError('bad', { offset: 10, line: 2, column: 3 }, 'http://h/', { cause: parse })),
    ).toMatchObject({
      kind: 'protocol',
      message: expect.stringContaining('at line 2, column 3'),
      details: { line: 2, column: 3, offset: 10 },
    })
    expect(toAppError(parse).kind).toBe('protocol')
    expect(toAppError(new LimitError('size', 64 * 1024 * 1024, 'x', 'http://h/'))).toMatchObject({
      kind: 'limit',
      message: expect.stringContaining('64 MB'),
      details: { limit: 'size' },
    })
    expect(toAppError(new LimitError('time', 60_000, 'x')).message).toContain('60 s')
    expect(toAppError(new XmlRpcDepthError(100, { offset: 0, line: 1, column: 1 }))).toMatchObject({
      kind: 'limit',
      details: { limit: 'depth', max: 100 },
    })
  })

  it('maps what the caller got wrong to invalid-input, passes AppErrors through, and calls the rest internal', () => {
    expect(toAppError(new XmlRpcEncodeError('params[0]', 'NaN cannot be sent')).kind).toBe('invalid-input')
    expect(toAppError(new InvalidUrlError('Not a URL')).kind).toBe('invalid-input')
    const given = appError('storage', 'disk full')
    expect(toAppError(given)).toStrictEqual(given)
    expect(toAppError(new Error('boom'))).toMatchObject({ kind: 'internal', message: expect.stringContaining('boom') })
    expect(toAppError('weird')).toMatchObject({ kind: 'internal' })
  })
})
