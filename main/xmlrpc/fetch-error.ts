import { TransportError, type TransportCode } from './errors'

/**
 * What a failed fetch means. Node's fetch throws TypeError('fetch failed') with the system error
 * as `cause` (ECONNREFUSED, ENOTFOUND, an AggregateError when several addresses were tried);
 * Electron's net.fetch throws messages like "net::ERR_CONNECTION_REFUSED". Both are read here.
 */
export function transportErrorFrom(e: unknown, url: string, host: string): TransportError {
  const codes = collectCodes(e)
  const code = codes.map(classify).find((c) => c !== 'other') ?? 'other'
  const sysCode = codes[0]
  const detail = innermostMessage(e)
  return new TransportError(code, `${describe(code, host)}${detail ? ` (${detail})` : ''}`, { url, sysCode, cause: e })
}

function classify(code: string): TransportCode {
  if (/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA|EAI_FAIL)$|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED/.test(code))
    return 'dns'
  if (/^ECONNREFUSED$|CONNECTION_REFUSED/.test(code)) return 'refused'
  if (
    /^(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED)$|CONNECTION_(RESET|CLOSED|ABORTED)|EMPTY_RESPONSE/.test(
      code,
    )
  )
    return 'reset'
  if (/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$|TIMED_OUT/.test(code))
    return 'timeout'
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|HOSTNAME_MISMATCH|ERR_TLS/.test(code)) return 'tls'
  return 'other'
}

function describe(code: TransportCode, host: string): string {
  switch (code) {
    case 'dns':
      return `Could not resolve ${host}`
    case 'refused':
      return `Connection to ${host} refused`
    case 'reset':
      return `Connection to ${host} was reset`
    case 'timeout':
      return `Connection to ${host} timed out`
    case 'tls':
      return `Secure connection to ${host} failed`
    default:
      return `Could not reach ${host}`
  }
}

/** Every code or net:: message along the cause chain, outermost first. */
function collectCodes(e: unknown, depth = 0): string[] {
  if (depth > 8 || typeof e !== 'object' || e === null) return []
  const x = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  const out: string[] = []
  if (typeof x.code === 'string') out.push(x.code)
  if (typeof x.message === 'string') {
    const net = /net::([A-Z_]+)/.exec(x.message)
    if (net) out.push(net[1])
    if (x.message === 'other side closed' || x.message === 'terminated') out.push('UND_ERR_SOCKET')
    if (x.message === 'bad port') out.push('BAD_PORT') // the fetch spec's blocked ports (1, 9, 25…)
  }
  if (Array.isArray(x.errors)) for (const inner of x.errors) out.push(...collectCodes(inner, depth + 1))
  out.push(...collectCodes(x.cause, depth + 1))
  return out
}

function innermostMessage(e: unknown): string {
  let cur = e as { message?: unknown; cause?: unknown; errors?: unknown[] } | undefined
  let message = ''
  for (let i = 0; i < 8 && cur && typeof cur === 'object'; i++) {
    if (typeof cur.message === 'string' && cur.message) message = cur.message
    cur = (cur.cause ?? (Array.isArray(cur.errors) ? cur.errors[0] : undefined)) as typeof cur
  }
  return message === 'fetch failed' ? '' : message
}
