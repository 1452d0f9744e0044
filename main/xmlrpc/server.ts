import type { IncomingMessage, ServerResponse } from 'node:http'
import { XmlRpcParseError } from './codec-errors'
import { decodeCall } from './decode'
import { renderDocsPage } from './docs-page'
import { encodeFault, encodeResponse } from './encode'
import { FaultCodes } from './fault'
import { asFault, MethodRegistry, type MethodHandler, type MethodMeta } from './method-registry'
import { readCappedBody, type CapRefiner } from './read-capped-body'
import { registerSystemMethods } from './system-methods'

export type { CallContext, MethodHandler, MethodMeta } from './method-registry'

export interface XmlRpcServerOptions {
  /** Larger request bodies are refused with HTTP 413. Default 32 MiB. */
  maxBodyBytes?: number
  /**
   * A smaller cap per method (a ping needs kilobytes, an upload megabytes), read from the method
   * name at the start of the call. Unknown or unfound names get the cap for ''.
   */
  maxBodyBytesFor?: (method: string) => number
  /** Title of the documentation page served on GET. */
  title?: string
  /** Let handlers return null, sent as <nil/> (for clients known to accept it). */
  allowNil?: boolean
}

export interface XmlRpcServer {
  register(name: string, handler: MethodHandler, meta?: MethodMeta): void
  /** Serves one HTTP request on the endpoint: POST an XML-RPC call, GET the documentation page. */
  handle(req: IncomingMessage, res: ServerResponse): void
  listMethods(): string[]
}

const XML_TYPES = new Set(['text/xml', 'application/xml'])

/**
 * An XML-RPC endpoint to mount on any node:http server. Faults go out with HTTP 200 (interop codes:
 * -32700 malformed, -32701 encoding, -32702 character, -32600 not XML-RPC, -32601 unknown method,
 * -32602 bad params, -32603 a handler's own failure); HTTP errors are for HTTP problems only
 * (405 verb, 413 size, 415 content type).
 */
export function createXmlRpcServer(opts: XmlRpcServerOptions = {}): XmlRpcServer {
  const maxBodyBytes = opts.maxBodyBytes ?? 32 * 1024 * 1024
  const allowNil = opts.allowNil ?? false
  const title = opts.title ?? 'XML-RPC server'
  const registry = new MethodRegistry()
  registerSystemMethods(registry, { allowNil })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return send(res, 200, 'text/html; charset=utf-8', renderDocsPage(title, registry))
    if (req.method !== 'POST')
      return send(
        res,
        405,
        'text/plain; charset=utf-8',
        'Use POST for XML-RPC calls, GET for this endpoint\u2019s documentation.\n',
        { Allow: 'POST, GET' },
      )
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (!XML_TYPES.has(type))
      return send(
        res,
        415,
        'text/plain; charset=utf-8',
        `XML-RPC calls are sent as text/xml, not ${type || 'a body without Content-Type'}.\n`,
      )
    let method: string | undefined
    const body = await readCappedBody(
      req,
      maxBodyBytes,
      opts.maxBodyBytesFor && refineCap(opts.maxBodyBytesFor, (m) => (method = m)),
    )
    // Connection: close, so that Node does not read the rest of an oversized body to reuse the socket.
    if (body === null) {
      const limit = method === undefined ? maxBodyBytes : Math.min(maxBodyBytes, opts.maxBodyBytesFor!(method))
      const what = method ? `A ${method.slice(0, 100)} call` : 'The request'
      return send(res, 413, 'text/plain; charset=utf-8', `${what} is larger than ${limit} bytes.\n`, {
        Connection: 'close',
      })
    }
    send(res, 200, 'text/xml; charset=utf-8', await answer(body, req))
  }

  async function answer(body: Buffer, req: IncomingMessage): Promise<string> {
    let call
    try {
      call = decodeCall(body)
    } catch (e) {
      if (e instanceof XmlRpcParseError) return encodeFault(e.faultCode, e.message)
      throw e
    }
    let result
    try {
      result = await registry.call(call.method, call.params, { req })
    } catch (e) {
      const fault = asFault(e)
      return Number.isInteger(fault.faultCode) && Math.abs(fault.faultCode) < 2 ** 31
        ? encodeFault(fault.faultCode, fault.faultString)
        : encodeFault(
            FaultCodes.internalError,
            `internal error: fault code ${fault.faultCode} is not an int: ${fault.faultString}`,
          )
    }
    try {
      return encodeResponse(result, { allowNil })
    } catch (e) {
      return encodeFault(
        FaultCodes.internalError,
        `internal error: the result of ${call.method} cannot be sent: ${(e as Error).message}`,
      )
    }
  }

  return {
    register: (name, handler, meta) => registry.register(name, handler, meta),
    listMethods: () => registry.names(),
    handle(req, res) {
      serve(req, res).catch(() => {
        // The request broke (client gone, socket error): nothing useful can be answered.
        if (!res.headersSent)
          send(res, 500, 'text/plain; charset=utf-8', 'Internal server error.\n', { Connection: 'close' })
        else res.destroy()
      })
    },
  }
}

// Where the method name must appear: a call starts with it, after at most a prolog and comments.
const NAME_WITHIN = 16 * 1024
const METHOD_NAME = /<methodName>\s*([^<]{0,256}?)\s*<\/methodName>/

function refineCap(capFor: (method: string) => number, seen: (method: string) => void): CapRefiner {
  return (start) => {
    const m = METHOD_NAME.exec(start.subarray(0, NAME_WITHIN).toString('latin1'))
    if (m) seen(m[1])
    return m ? capFor(m[1]) : start.length >= NAME_WITHIN ? capFor('') : undefined
  }
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(text, 'utf8')
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': String(body.length) })
  res.end(body)
}
