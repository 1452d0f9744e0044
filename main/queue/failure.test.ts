import { describe, expect, it } from 'vitest'
import { appError, type ErrorKind } from '../../shared/errors'
import { LimitError, ProtocolError, TransportError, XmlRpcFault, toAppError } from '../xmlrpc/errors'
import { failureOf, type FailureKind } from './failure'

const http = (status: number, more = {}) =>
  toAppError(new TransportError('http', `HTTP ${status}`, { url: 'http://h/RPC2', status, ...more }))

describe('failureOf: an error as one of a closed set of kinds', () => {
  it('reads the transport code, the status and the fault classification', () => {
    expect(failureOf(toAppError(new TransportError('dns', 'no such host')))).toEqual({ kind: 'offline' })
    expect(failureOf(toAppError(new TransportError('other', 'x', { sysCode: 'EHOSTUNREACH' })))).toEqual({
      kind: 'offline',
    })
    expect(failureOf(toAppError(new TransportError('refused', 'refused')))).toEqual({ kind: 'not-sent' })
    expect(failureOf(http(404))).toEqual({ kind: 'http-refused', status: 404 })
    expect(failureOf(http(302, { location: 'http://elsewhere/' }))).toEqual({ kind: 'http-refused', status: 302 })
    expect(failureOf(http(503))).toEqual({ kind: 'lost' })
    expect(failureOf(toAppError(new TransportError('timeout', 'slow')))).toEqual({ kind: 'timed-out' })
    expect(failureOf(toAppError(new LimitError('time', 1000, 'too slow')))).toEqual({ kind: 'timed-out' })
    expect(failureOf(toAppError(new LimitError('size', 10, 'too big')))).toEqual({ kind: 'bad-answer' })
    expect(failureOf(toAppError(new ProtocolError('bad xml')))).toEqual({ kind: 'bad-answer' })
    expect(failureOf(appError('fault', 'busy', { classification: 'busy' }))).toEqual({ kind: 'busy' })
    expect(failureOf(toAppError(new XmlRpcFault(7, 'There is no message 12.')))).toEqual({ kind: 'needs-person' })
  })

  it('every error kind has its failure (the table is checked against ErrorKind at compile time)', () => {
    const plain = {
      fault: 'needs-person',
      auth: 'needs-person',
      transport: 'lost',
      protocol: 'bad-answer',
      limit: 'bad-answer',
      unsupported: 'needs-person',
      'invalid-input': 'needs-person',
      'not-found': 'needs-person',
      conflict: 'needs-person',
      storage: 'needs-person',
      locked: 'needs-person',
      cancelled: 'needs-person',
      internal: 'needs-person',
    } satisfies Record<ErrorKind, FailureKind>
    for (const [kind, failure] of Object.entries(plain))
      expect(failureOf(appError(kind as ErrorKind, 'x')).kind, kind).toBe(failure)
  })
})
