import { hostOf } from '../../xmlrpc/endpoint'
import { TransportError } from '../../xmlrpc/errors'
import { transportErrorFrom } from '../../xmlrpc/fetch-error'

export interface PageFetchOptions {
  fetch?: typeof fetch
  timeoutMs?: number
  signal?: AbortSignal
}

/**
 * GETs a page for discovery: redirects followed (the URL it ended at is returned, to resolve
 * relative links against), at most `maxBytes` read, any status accepted (the caller decides).
 * Network failures become TransportError, like the XML-RPC client's.
 */
export async function fetchPage(
  url: string,
  maxBytes: number,
  opts: PageFetchOptions = {},
): Promise<{ url: string; status: number; text: string }> {
  const signal = AbortSignal.any([AbortSignal.timeout(opts.timeoutMs ?? 20_000), ...(opts.signal ? [opts.signal] : [])])
  let res: Response
  try {
    res = await (opts.fetch ?? globalThis.fetch)(url, {
      signal,
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml,application/rsd+xml,text/xml;q=0.9,*/*;q=0.5' },
    })
  } catch (e) {
    if (signal.aborted)
      throw new TransportError(
        opts.signal?.aborted ? 'aborted' : 'timeout',
        `Reading ${url} ${opts.signal?.aborted ? 'was cancelled' : 'took too long'}`,
        { url, cause: e },
      )
    throw transportErrorFrom(e, url, hostOf(url))
  }
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = res.body?.getReader()
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value.subarray(0, Math.max(0, maxBytes - size)))
    size += value.byteLength
    // Enough to find a <link> in the head: the rest of a huge page is not needed.
    if (size >= maxBytes) {
      await reader.cancel().catch(() => {})
      break
    }
  }
  return { url: res.url || url, status: res.status, text: Buffer.concat(chunks).toString('utf8') }
}
