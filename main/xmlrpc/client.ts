import { USER_AGENT } from '../base/version'
import { encodeCall } from './encode'
import { hostOf, parseEndpoint } from './endpoint'
import { interpretAnswer } from './interpret-response'
import { createRedactor, type Redactor } from './redact'
import { callCarriesSecret } from './secret-params'
import { postXml, type PostResult } from './transport'
import type { UploadProgress } from './upload-body'
import type { XmlRpcValue } from './values'
import { DEFAULT_TRANSFER_LIMITS, startTransferLimits, type TransferLimits } from './transfer-limits'
import { wireEntry, type WireEntry } from './wire-log'

export const DEFAULT_CONNECT_TIMEOUT_MS = DEFAULT_TRANSFER_LIMITS.connectMs
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

export interface ClientOptions {
  /** Electron passes net.fetch (system proxies, Chromium TLS); default globalThis.fetch. */
  fetch?: typeof fetch
  /** An overall cap on every call, from sending to the last byte (none by default: the phase limits bound it). */
  timeoutMs?: number
  /** Until the server takes the request (or answers a small one). */
  connectTimeoutMs?: number
  /** Phase limits: connect, send stall, answer begin, minimum receive rate (DEFAULT_TRANSFER_LIMITS). */
  transferLimits?: Partial<TransferLimits>
  /** Cap on the answer, counted after gzip decoding. */
  maxResponseBytes?: number
  /** Cap on value nesting in the answer (the decoder's default when absent). */
  maxDepth?: number
  userAgent?: string
  /** Return integral <double> values as XmlRpcDouble (see DecodeOptions.keepDoubleType). */
  keepDoubleType?: boolean
  /** Allow <nil/> in requests (only for servers known to accept it). */
  allowNil?: boolean
  /** Receives every exchange, redacted. */
  onWire?: (entry: WireEntry) => void
  /** Replaces the default redactor (positional secrets by method, URL credentials). */
  redactor?: Redactor
}

export interface CallOptions {
  signal?: AbortSignal
  onUploadProgress?: UploadProgress
  timeoutMs?: number
}

export interface XmlRpcClient {
  /** The endpoint without credentials. */
  readonly url: string
  /**
   * Resolves with the value; rejects with XmlRpcFault, TransportError, ProtocolError, LimitError
   * (see ./errors), or XmlRpcEncodeError before anything is sent when a param can't be encoded.
   */
  call(method: string, params: XmlRpcValue[], callOptions?: CallOptions): Promise<XmlRpcValue>
}

/** A client for one endpoint. Throws InvalidUrlError at once for a URL that is not http(s). */
export function createXmlRpcClient(url: string, options: ClientOptions = {}): XmlRpcClient {
  const endpoint = parseEndpoint(url)
  const href = endpoint.url.href
  const host = hostOf(endpoint.url)
  const doFetch = options.fetch ?? globalThis.fetch
  const redact = options.redactor ?? createRedactor({ secrets: [endpoint.password] })

  async function call(method: string, params: XmlRpcValue[], callOptions: CallOptions = {}): Promise<XmlRpcValue> {
    const requestXml = encodeCall(method, params, { allowNil: options.allowNil })
    const bytes = Buffer.from(requestXml, 'utf8')
    const started = Date.now()
    const totalMs = callOptions.timeoutMs ?? options.timeoutMs
    const base = { ...DEFAULT_TRANSFER_LIMITS, ...options.transferLimits }
    const connectMs = Math.min(options.connectTimeoutMs ?? base.connectMs, totalMs ?? Infinity)
    const limits = { ...base, connectMs }
    const deadline = startTransferLimits({ limits, totalMs, url: href, host, signal: callOptions.signal })
    let answer: PostResult | undefined
    let failure: unknown
    try {
      answer = await postXml(endpoint, bytes, {
        fetch: doFetch,
        userAgent: options.userAgent ?? USER_AGENT,
        maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        deadline,
        onUploadProgress: callOptions.onUploadProgress,
        carriesSecret: callCarriesSecret(method, params),
      })
      return interpretAnswer({ ...answer, host: hostOf(answer.url) }, options.maxDepth, options.keepDoubleType)
    } catch (e) {
      failure = e
      throw e
    } finally {
      deadline.dispose()
      if (options.onWire) {
        const record = {
          method,
          url: href,
          started,
          requestXml,
          requestBytes: bytes.byteLength,
          status: answer?.status,
          response: answer?.body,
          error: failure,
        }
        try {
          options.onWire(wireEntry(record, redact))
        } catch {
          // A broken log consumer must not turn a good call into a failure.
        }
      }
    }
  }

  return { url: href, call }
}
