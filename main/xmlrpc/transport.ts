import type { Deadline } from './deadline'
import type { Endpoint } from './endpoint'
import { hostOf } from './endpoint'
import { TransportError } from './errors'
import { transportErrorFrom } from './fetch-error'
import { readCapped } from './read-body'
import { UPLOAD_CHUNK, uploadBody, type UploadProgress } from './upload-body'

export const MAX_REDIRECTS = 5

export interface PostOptions {
  fetch: typeof fetch
  userAgent: string
  maxResponseBytes: number
  deadline: Deadline
  onUploadProgress?: UploadProgress
  /** The body holds a password: a redirect to another origin is refused rather than re-sent there. */
  carriesSecret?: boolean
}

export interface PostResult {
  status: number
  statusText: string
  /** The URL that finally answered (after 307/308 redirects). */
  url: string
  body: Uint8Array
  /** The raw Retry-After header (503/429), for the queue's backoff. */
  retryAfter?: string
}

/**
 * POSTs an XML-RPC request and reads the whole answer under the size cap. Redirects are handled
 * here, not by fetch: 307/308 keep the method and body (and are followed up to MAX_REDIRECTS);
 * any other 3xx would turn the POST into a GET, so it ends the call naming the new location.
 * TLS verification is whatever the fetch does by default, and Upstream never turns it off.
 */
export async function postXml(endpoint: Endpoint, bytes: Uint8Array<ArrayBuffer>, o: PostOptions): Promise<PostResult> {
  let url = endpoint.url
  let authorization = endpoint.authorization
  for (let hop = 0; ; hop++) {
    const response = await send(url, authorization, bytes, o)
    const location = response.headers.get('location')
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && location !== null)) {
      await response.body?.cancel().catch(() => {})
      const next = location === null ? null : new URL(location, url)
      if ((response.status !== 307 && response.status !== 308) || next === null)
        throw redirectError(url, response, next)
      if (hop + 1 > MAX_REDIRECTS)
        throw new TransportError(
          'http',
          `More than ${MAX_REDIRECTS} redirects from ${hostOf(endpoint.url)} (last to ${next.href})`,
          { url: url.href, status: response.status, location: next.href },
        )
      if (url.protocol === 'https:' && next.protocol === 'http:') {
        throw new TransportError('http', `Refused a redirect from https to insecure ${next.href}`, {
          url: url.href,
          status: response.status,
          location: next.href,
        })
      }
      if (next.origin !== url.origin && o.carriesSecret)
        throw new TransportError(
          'http',
          `${hostOf(url)} redirected (HTTP ${response.status}) to another site, ${next.origin}; this call carries a password, so it was not sent there. If you trust that address, use it as the endpoint.`,
          { url: url.href, status: response.status, location: next.href },
        )
      if (next.origin !== url.origin) authorization = undefined // credentials stay with the host they were given for
      url = next
      continue
    }
    o.deadline.headersArrived()
    const host = hostOf(url)
    const body = await guard(
      () =>
        readCapped(response.body, response.headers.get('content-length'), {
          maxBytes: o.maxResponseBytes,
          url: url.href,
          host,
          onBytes: (n) => o.deadline.received?.(n),
        }),
      url,
      o.deadline,
    )
    const retryAfter = response.headers.get('retry-after') ?? undefined
    return {
      status: response.status,
      statusText: response.statusText,
      url: url.href,
      body,
      ...(retryAfter ? { retryAfter } : {}),
    }
  }
}

async function send(
  url: URL,
  authorization: string | undefined,
  bytes: Uint8Array<ArrayBuffer>,
  o: PostOptions,
): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'text/xml',
    'Content-Length': String(bytes.byteLength),
    'User-Agent': o.userAgent,
    Accept: 'text/xml',
    // Only gzip: read-body caps the decoded size, and inflates itself if fetch did not.
    'Accept-Encoding': 'gzip',
  }
  if (authorization) headers.Authorization = authorization
  const { body, streamed } = uploadBody(bytes, (sent, total) => {
    // The stream pulls one chunk ahead; a second pull means fetch has taken the first: connected.
    if (sent > UPLOAD_CHUNK) o.deadline.bodyFlowing()
    if (sent > UPLOAD_CHUNK) o.deadline.sent?.(sent, total)
    o.onUploadProgress?.(sent, total)
  })
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: o.deadline.signal,
  }
  if (streamed) init.duplex = 'half'
  const response = await guard(() => o.fetch(url.href, init), url, o.deadline)
  if (!streamed) o.onUploadProgress?.(bytes.byteLength, bytes.byteLength)
  return response
}

/** Runs a network step; an abort becomes the deadline's typed reason, anything else a TransportError. */
async function guard<T>(step: () => Promise<T>, url: URL, deadline: Deadline): Promise<T> {
  try {
    return await step()
  } catch (e) {
    const reason = deadline.reason()
    if (reason) throw reason
    if (e instanceof Error && (e.name === 'LimitError' || e.name === 'TransportError')) throw e
    throw transportErrorFrom(e, url.href, hostOf(url))
  }
}

function redirectError(url: URL, response: Response, next: URL | null): TransportError {
  const where = next ? next.href : 'a location the fetch implementation hides'
  return new TransportError(
    'http',
    `${hostOf(url)} redirected (HTTP ${response.status}) to ${where}; a POST cannot follow that redirect. Use the new address as the endpoint.`,
    {
      url: url.href,
      status: response.status,
      statusText: response.statusText,
      location: next?.href,
    },
  )
}
