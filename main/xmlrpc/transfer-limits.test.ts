import { describe, expect, it } from 'vitest'
import { createXmlRpcClient } from './client'
import { LimitError, TransportError } from './errors'
import { UPLOAD_CHUNK } from './upload-body'

const answer =
  '<?xml version="1.0"?><methodResponse><params><param><value><string>ok</string></value></param></params></methodResponse>'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A peer that takes the request body at its own pace: reads `pauseAfter` bytes, stops reading for
 * `pauseMs`, then reads the rest; then waits `answerAfterMs` before the headers, and sends the
 * answer in `answerChunks` pieces `chunkGapMs` apart. Stands in for the socket, so the phases are
 * exercised with small bodies (the full-size proof runs over real TCP: npm run stall:upload).
 */
function pacedPeer(o: { pauseAfter?: number; pauseMs?: number; answerAfterMs?: number; chunkGapMs?: number }) {
  const seen = { bytes: 0, paused: false }
  const fetchImpl: typeof fetch = async (_url, init) => {
    const signal = init?.signal ?? undefined
    const small = !(init!.body instanceof ReadableStream) // a small request goes as one buffer
    const reader = small ? undefined : (init!.body as ReadableStream<Uint8Array>).getReader()
    const abortable = <T>(p: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
        p.then(resolve, reject)
      })
    for (; reader;) {
      const { done, value } = await abortable(reader.read())
      if (done) break
      seen.bytes += value.byteLength
      if (!seen.paused && o.pauseAfter !== undefined && seen.bytes >= o.pauseAfter) {
        seen.paused = true
        await abortable(sleep(o.pauseMs ?? 0))
      }
    }
    await abortable(sleep(o.answerAfterMs ?? 0))
    const bytes = new TextEncoder().encode(answer)
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        for (const b of bytes) {
          await sleep(o.chunkGapMs ?? 0)
          if (signal?.aborted) return c.error(signal.reason) // as fetch ends a body when its call is aborted
          c.enqueue(new Uint8Array([b]))
        }
        c.close()
      },
    })
    return new Response(o.chunkGapMs ? body : bytes, { status: 200, headers: { 'content-type': 'text/xml' } })
  }
  return { seen, fetchImpl }
}

const big = () => new Uint8Array(6 * UPLOAD_CHUNK).fill(7)
const limits = {
  connectMs: 2000,
  sendStallMs: 1500,
  answerBeginMs: 1500,
  minReceiveBytesPerSec: 100,
  receiveWindowMs: 400,
}

describe('transfer limits by phase (no fixed total)', () => {
  it('an upload that stalls and resumes within the stall limit completes', async () => {
    const peer = pacedPeer({ pauseAfter: 2 * UPLOAD_CHUNK, pauseMs: 300 })
    const client = createXmlRpcClient('http://peer.invalid/RPC2', { fetch: peer.fetchImpl, transferLimits: limits })
    const progress: number[] = []
    expect(await client.call('up', [big()], { onUploadProgress: (sent) => progress.push(sent) })).toBe('ok')
    expect(peer.seen.paused).toBe(true)
    expect(progress.at(-1)).toBe(peer.seen.bytes)
  })

  it('no bytes moving for longer than the stall limit ends the call, saying so', async () => {
    const peer = pacedPeer({ pauseAfter: 2 * UPLOAD_CHUNK, pauseMs: 60_000 })
    const client = createXmlRpcClient('http://peer.invalid/RPC2', {
      fetch: peer.fetchImpl,
      transferLimits: { ...limits, sendStallMs: 200 },
    })
    const e = await client.call('up', [big()]).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TransportError)
    expect(e).toMatchObject({ code: 'timeout', message: expect.stringMatching(/stopped taking the request/) })
  })

  it('a request fully sent with no answer beginning is a lost answer (timeout: unknown for a post)', async () => {
    const peer = pacedPeer({ answerAfterMs: 60_000 })
    const client = createXmlRpcClient('http://peer.invalid/RPC2', {
      fetch: peer.fetchImpl,
      transferLimits: { ...limits, answerBeginMs: 200 },
    })
    const e = await client.call('up', [big()]).catch((x: unknown) => x)
    expect(e).toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/took the whole request but no answer began/),
    })
  })

  it('an answer trickling below the minimum rate is cut off (the hostile-input rule stands)', async () => {
    const peer = pacedPeer({ chunkGapMs: 50 })
    const client = createXmlRpcClient('http://peer.invalid/RPC2', {
      fetch: peer.fetchImpl,
      transferLimits: { ...limits, minReceiveBytesPerSec: 1000 },
    })
    const e = await client.call('up', ['x']).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(LimitError)
    expect((e as Error).message).toMatch(/sent its answer too slowly/)
  })

  it('Cancel stops an upload in flight at once', async () => {
    const peer = pacedPeer({ pauseAfter: 2 * UPLOAD_CHUNK, pauseMs: 60_000 })
    const client = createXmlRpcClient('http://peer.invalid/RPC2', { fetch: peer.fetchImpl, transferLimits: limits })
    const cancel = new AbortController()
    const call = client.call('up', [big()], { signal: cancel.signal }).catch((x: unknown) => x)
    await sleep(50)
    cancel.abort()
    expect(await call).toMatchObject({ code: 'aborted' })
  })
})
