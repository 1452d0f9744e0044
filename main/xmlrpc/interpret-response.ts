import { XmlRpcDepthError, XmlRpcParseError } from './codec-errors'
import { decodeResponse } from './decode'
import { LimitError, ProtocolError, TransportError } from './errors'
import type { XmlRpcValue } from './values'

export interface Answer {
  status: number
  statusText: string
  url: string
  host: string
  body: Uint8Array
  retryAfter?: string
}

/** How much of a body that is not XML-RPC goes into the error, for people to recognise the page. */
export const BODY_START_BYTES = 200

/**
 * Turns an HTTP answer into the call's value or its typed error. A fault counts whatever the
 * status (servers send it with 200 or 500). A value counts only with a 2xx status. Anything that is
 * not XML-RPC (an HTML error page, an empty 500, plain text with 200) is an HTTP transport error
 * carrying the status and the first bytes; XML that fails to parse is a protocol error with its
 * position, unless the status already says the server failed.
 */
export function interpretAnswer(a: Answer, maxDepth?: number, keepDoubleType = false): XmlRpcValue {
  const ok = a.status >= 200 && a.status < 300
  let decoded: ReturnType<typeof decodeResponse>
  try {
    decoded = decodeResponse(a.body, { ...(maxDepth === undefined ? {} : { maxDepth }), keepDoubleType })
  } catch (e) {
    if (e instanceof XmlRpcDepthError)
      throw new LimitError(
        'depth',
        e.maxDepth,
        `The answer from ${a.host} nests deeper than ${e.maxDepth} levels`,
        a.url,
        { cause: e },
      )
    if (!(e instanceof XmlRpcParseError)) throw e
    if (!ok || !looksLikeXml(a.body)) throw httpError(a)
    throw new ProtocolError(
      `Malformed XML-RPC answer from ${a.host}: ${e.message}`,
      { offset: e.offset, line: e.line, column: e.column },
      a.url,
      { cause: e },
    )
  }
  if (decoded.kind === 'fault') throw decoded.fault
  if (!ok) throw httpError(a)
  return decoded.value
}

/** XML, as opposed to an HTML page, plain text, JSON or nothing: starts with '<' and is not <html>. */
function looksLikeXml(body: Uint8Array): boolean {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
  if (!head.startsWith('<')) return false
  return !/^<!doctype\s+html|^<html[\s>]|^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+)?html[\s>]/i.test(head)
}

function httpError(a: Answer): TransportError {
  const bodyStart = bodyStartOf(a.body)
  const what = a.body.byteLength === 0 ? 'an empty body' : 'a body that is not XML-RPC'
  return new TransportError(
    'http',
    `${a.host} answered HTTP ${a.status}${a.statusText ? ` ${a.statusText}` : ''} with ${what}`,
    {
      url: a.url,
      status: a.status,
      statusText: a.statusText,
      bodyStart,
      ...(a.retryAfter ? { retryAfter: a.retryAfter } : {}),
    },
  )
}

/** The first bytes as text, without a cut UTF-8 character (stream mode holds it back) or control characters. */
function bodyStartOf(body: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(0, BODY_START_BYTES), { stream: true })
  const more = body.byteLength > BODY_START_BYTES ? '…' : ''
  return text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '?') + more
}
