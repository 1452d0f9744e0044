import { describe, expect, it } from 'vitest'
import { appError } from '../../shared/errors'
import { LimitError, ProtocolError, TransportError, XmlRpcFault, toAppError } from '../xmlrpc/errors'
import { outcomeOf } from './outcome'

const now = new Date('2026-01-01T00:00:00Z')
const kinds = (e: unknown) => [outcomeOf(toAppError(e), true, now).kind, outcomeOf(toAppError(e), false, now).kind]
const http = (status: number, more = {}) =>
  new TransportError('http', `HTTP ${status}`, { url: 'http://h/RPC2', status, ...more })

describe('outcomeOf: [idempotent, newMessage]', () => {
  it('nothing left this machine: offline (dns, no route) or retry (refused, TLS handshake) — for both', () => {
    expect(kinds(new TransportError('dns', 'no such host'))).toEqual(['offline', 'offline'])
    expect(kinds(new TransportError('other', 'no route', { sysCode: 'ENETUNREACH' }))).toEqual(['offline', 'offline'])
    expect(kinds(new TransportError('refused', 'refused'))).toEqual(['retry', 'retry'])
    expect(kinds(new TransportError('tls', 'bad cert'))).toEqual(['retry', 'retry'])
  })

  it('the request may have arrived: retried when idempotent, unknown for newMessage', () => {
    for (const e of [
      new TransportError('reset', 'reset'),
      new TransportError('timeout', 'slow'),
      http(503),
      http(500),
      http(502),
      new LimitError('time', 1000, 'too slow'),
    ]) {
      expect(kinds(e)).toEqual(['retry', 'unknown'])
    }
    // The server answered, so it ran the call: an answer we can't read is not a reason to post again.
    expect(kinds(new ProtocolError('bad xml'))).toEqual(['attention', 'unknown'])
    expect(kinds(new LimitError('size', 10, 'too big'))).toEqual(['attention', 'unknown'])
  })

  it("the server said no: auth and permanent faults need a person at once, with the server's words", () => {
    const auth = outcomeOf(toAppError(new XmlRpcFault(4, 'The username or password is incorrect.')), false, now)
    expect(auth).toMatchObject({ kind: 'attention', error: { kind: 'auth' } })
    expect(auth.kind !== 'done' && auth.error.message).toContain('The username or password is incorrect.')
    expect(kinds(new XmlRpcFault(7, 'There is no message 12.'))).toEqual(['attention', 'attention'])
    expect(kinds(http(401))).toEqual(['attention', 'attention'])
    expect(kinds(http(404))).toEqual(['attention', 'attention'])
    expect(kinds(http(413))).toEqual(['attention', 'attention'])
    expect(kinds(new XmlRpcFault(-32601, 'method "x" is not supported'))).toEqual(['attention', 'attention'])
  })

  it('a busy fault is the server refusing for now: retried, also for newMessage', () => {
    expect(kinds(new XmlRpcFault(503, 'Server busy, try again later'))).toEqual(['retry', 'retry'])
    expect(kinds(http(429))).toEqual(['retry', 'unknown'])
  })

  it('carries Retry-After (seconds or an HTTP date) when the error details hold it', () => {
    const seconds = appError('transport', 'busy', { code: 'http', status: 503, retryAfter: '120' })
    expect(outcomeOf(seconds, true, now)).toMatchObject({ kind: 'retry', retryAfterMs: 120_000 })
    const date = appError('transport', 'busy', {
      code: 'http',
      status: 503,
      retryAfter: 'Thu, 01 Jan 2026 00:05:00 GMT',
    })
    expect(outcomeOf(date, true, now)).toMatchObject({ kind: 'retry', retryAfterMs: 300_000 })
    expect(outcomeOf(appError('transport', 'busy', { code: 'http', status: 503 }), true, now)).not.toHaveProperty(
      'retryAfterMs',
    )
  })
})
