import { gunzipSync } from 'node:zlib'
import { LimitError } from './errors'

export interface BodyLimit {
  maxBytes: number
  url: string
  host: string
  /** Hears each chunk's size (the minimum receive rate in transfer-limits.ts). */
  onBytes?: (bytes: number) => void
}

/**
 * Reads a response body with a hard cap, stopping (and cancelling the stream, so the server stops
 * sending) the moment the cap is passed: memory stays bounded by the cap whatever the server sends.
 * fetch decodes gzip itself, so the bytes counted here are the decoded ones: a gzip bomb hits the
 * cap as it inflates.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: string | null,
  limit: BodyLimit,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0)
  const declared = declaredLength === null ? NaN : Number(declaredLength)
  if (declared > limit.maxBytes) {
    await body.cancel().catch(() => {})
    throw tooLarge(limit, `${limit.host} announced ${declared} bytes`)
  }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      limit.onBytes?.(value.byteLength)
      if (total > limit.maxBytes) {
        await reader.cancel().catch(() => {})
        throw tooLarge(limit, `The answer from ${limit.host} passed`)
      }
      chunks.push(value)
    }
  } finally {
    reader.releaseLock()
  }
  return maybeGunzip(concat(chunks, total), limit)
}

/**
 * A fetch that does not decode (or a server that gzips without saying so) hands over the gzip
 * stream itself; XML never starts with 0x1f 0x8b, so inflate it here under the same cap.
 */
function maybeGunzip(bytes: Uint8Array, limit: BodyLimit): Uint8Array {
  if (bytes.byteLength < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes
  try {
    return gunzipSync(bytes, { maxOutputLength: limit.maxBytes })
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLarge(limit, `The gzip answer from ${limit.host} inflated past`)
    return bytes // not gzip after all: let the XML decoder say what is wrong
  }
}

function tooLarge(limit: BodyLimit, what: string): LimitError {
  return new LimitError('size', limit.maxBytes, `${what} the ${limit.maxBytes}-byte response limit`, limit.url)
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}
