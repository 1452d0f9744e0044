import { appError, isAppError, type AppError, type JsonValue } from '../../shared/errors'
import { classifyFault } from './classify-fault'
import { XmlRpcDepthError, XmlRpcEncodeError, XmlRpcParseError } from './codec-errors'
import { hostOf, InvalidUrlError } from './endpoint'
import { LimitError, ProtocolError, TransportError } from './errors'
import { XmlRpcFault } from './fault'
import { stripUrlCredentials } from './redact'

export interface ErrorContext {
  method?: string
  url?: string
  account?: string
}

type Details = { [key: string]: JsonValue }

/**
 * Any error an XML-RPC call can end in → an AppError: a kind the UI acts on, a sentence naming the
 * cause and the fix, and details (faultCode, status, position…) for the inspector. Never throws.
 */
export function toAppError(e: unknown, context: ErrorContext = {}): AppError {
  // Errors of other layers (store, protocols) know their own AppError; take theirs as plain data.
  const own = (e as { toAppError?: () => AppError } | null)?.toAppError
  if (typeof own === 'function') return own.call(e)
  if (isAppError(e)) return { kind: e.kind, message: e.message, ...(e.details ? { details: e.details } : {}) }
  const base = baseDetails(context)
  if (e instanceof XmlRpcFault) return fromFault(e, context, base)
  if (e instanceof TransportError) return fromTransport(e, context, base)
  if (e instanceof LimitError) return fromLimit(e, context, base)
  if (e instanceof XmlRpcDepthError) return fromLimit(new LimitError('depth', e.maxDepth, e.message), context, base)
  if (e instanceof ProtocolError || e instanceof XmlRpcParseError) {
    const pos = e instanceof ProtocolError ? e.position : { offset: e.offset, line: e.line, column: e.column }
    const where = pos.line !== undefined ? ` at line ${pos.line}, column ${pos.column}` : ''
    const reason = e instanceof ProtocolError && e.cause instanceof XmlRpcParseError ? e.cause.message : e.message
    return appError(
      'protocol',
      `${who(e instanceof ProtocolError ? e : {}, context)} sent a malformed XML-RPC answer${where}: ${reason}. The server may be broken, or the URL may not be an XML-RPC endpoint.`,
      { ...base, ...clean(pos) },
    )
  }
  if (e instanceof XmlRpcEncodeError) {
    return appError(
      'invalid-input',
      `Could not send ${context.method ?? 'the call'}: ${e.message}. XML-RPC cannot carry that value.`,
      { ...base, path: e.path, problem: e.problem },
    )
  }
  if (e instanceof InvalidUrlError) return appError('invalid-input', e.message, base)
  const message = e instanceof Error ? e.message : String(e)
  return appError('internal', `Internal error while calling ${context.method ?? 'the server'}: ${message}`, {
    ...base,
    error: message,
  })
}

function fromFault(f: XmlRpcFault, c: ErrorContext, base: Details): AppError {
  const details = { ...base, faultCode: f.faultCode, faultString: f.faultString }
  const quoted = `(fault ${f.faultCode}: “${f.faultString}”)`
  const method = c.method ?? 'the method'
  switch (classifyFault(f)) {
    case 'method-not-found':
      return appError('unsupported', `The server does not offer ${method} ${quoted}.`, {
        ...details,
        classification: 'method-not-found',
      })
    case 'auth':
      return appError(
        'auth',
        `The server refused the login${c.account ? ` for ${c.account}` : ''} ${quoted}. Check the user name and password in the account settings.`,
        { ...details, classification: 'auth' },
      )
    case 'wrong-param-count':
      return appError(
        'fault',
        `The server expected a different number of parameters for ${method} ${quoted}.${c.account ? ` Check the server profile of ${c.account}.` : ''}`,
        { ...details, classification: 'wrong-param-count' },
      )
    case 'busy':
      return appError('fault', `The server is busy ${quoted}. Try again in a few minutes.`, {
        ...details,
        classification: 'busy',
      })
    default:
      return appError('fault', `The server answered ${method} with fault ${f.faultCode}: “${f.faultString}”.`, {
        ...details,
        classification: 'other',
      })
  }
}

function fromTransport(e: TransportError, c: ErrorContext, base: Details): AppError {
  const host = who(e, c)
  const details = {
    ...base,
    code: e.code,
    ...clean({
      status: e.status,
      statusText: e.statusText,
      bodyStart: e.bodyStart,
      location: e.location,
      sysCode: e.sysCode,
      retryAfter: e.retryAfter,
    }),
  }
  switch (e.code) {
    case 'dns':
      return appError(
        'transport',
        `Could not find the server ${host} — the name does not resolve. Check the address and your network connection.`,
        details,
      )
    case 'refused':
      return appError('transport', `Could not connect to ${host} — connection refused. Is the server running?`, details)
    case 'reset':
      return appError(
        'transport',
        `The connection to ${host} broke before the answer was complete. Try again; if it keeps happening the server may be overloaded.`,
        details,
      )
    case 'timeout':
      return appError(
        'transport',
        `${host} did not answer in time (${e.message}). The server may be down or slow: try again later, or raise the timeout.`,
        details,
      )
    case 'tls':
      return appError(
        'transport',
        `The secure connection to ${host} failed: ${e.message}. The server's certificate is not trusted, and Upstream never skips certificate checks.`,
        details,
      )
    case 'aborted':
      return appError('cancelled', 'The call was cancelled.', details)
    case 'http':
      return fromHttp(e, host, c, details)
    default:
      if (e.sysCode === 'BAD_PORT') {
        return appError(
          'transport',
          `Could not connect to ${host}: fetch refuses that port, which is reserved for another protocol. Use the server's XML-RPC port.`,
          details,
        )
      }
      return appError('transport', `${e.message}.`, details)
  }
}

function fromHttp(e: TransportError, host: string, c: ErrorContext, details: Details): AppError {
  if (e.location !== undefined) return appError('transport', `${e.message}`, details)
  const status = e.status ?? 0
  const page = e.bodyStart ? `: “${e.bodyStart}”` : ' with an empty body'
  const head = `${host} answered HTTP ${status}${e.statusText ? ` ${e.statusText}` : ''} instead of XML-RPC${page}.`
  if (status === 401 || status === 403)
    return appError(
      'auth',
      `${head} The server refused the login${c.account ? ` for ${c.account}` : ''}: check the user name and password.`,
      { ...details, classification: 'auth' },
    )
  if (status === 404)
    return appError(
      'transport',
      `${head} Either the endpoint URL is wrong (it usually ends in /RPC2 or /xmlrpc.php) or the server does not offer ${c.method ?? 'this method'}.`,
      { ...details, classification: 'method-not-found' },
    )
  if (classifyFault({ httpStatus: status }) === 'busy')
    return appError('transport', `${head} The server is busy or down: try again later.`, {
      ...details,
      classification: 'busy',
    })
  return appError('transport', `${head} Check that the URL is the server's XML-RPC endpoint.`, details)
}

function fromLimit(e: LimitError, c: ErrorContext, base: Details): AppError {
  const details = { ...base, limit: e.limit, max: e.max }
  switch (e.limit) {
    case 'size':
      return appError(
        'limit',
        `The answer from ${who(e, c)} is larger than the ${mb(e.max)} limit, so it was stopped. If you expect answers this large, raise the response size limit.`,
        details,
      )
    case 'depth':
      return appError(
        'limit',
        `The answer from ${who(e, c)} nests values deeper than ${e.max} levels; Upstream refuses it as a safety measure.`,
        details,
      )
    case 'time':
      return appError(
        'limit',
        `The answer from ${who(e, c)} took longer than ${seconds(e.max)}, so the call was stopped. Try again later, or raise the timeout.`,
        details,
      )
  }
}

function who(e: { url?: string }, c: ErrorContext): string {
  const url = e.url ?? c.url
  return url ? hostOf(url) : 'the server'
}

function baseDetails(c: ErrorContext): Details {
  return clean({
    method: c.method,
    url: c.url === undefined ? undefined : stripUrlCredentials(c.url),
    account: c.account,
  })
}

function clean(o: { [key: string]: JsonValue | undefined }): Details {
  const out: Details = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v
  return out
}

const mb = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`
const seconds = (ms: number): string => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`)
