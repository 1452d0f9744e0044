import type { IncomingMessage } from 'node:http'

/**
 * Narrows the cap once the start of the body is known (the method name comes first in a call):
 * given what has arrived so far, the cap for this request, or undefined to wait for more.
 */
export type CapRefiner = (start: Buffer) => number | undefined

/**
 * The request body, or null as soon as it is known to exceed `max` bytes: from Content-Length
 * before reading anything, or while reading (chunked or lying bodies). Never buffers more than `max`.
 * With `refine`, the cap it names (never above `max`) applies from the moment it names one.
 */
export function readCappedBody(req: IncomingMessage, max: number, refine?: CapRefiner): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'])
  if (declared > max) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let cap = refine ? undefined : max
    const tooLarge = () => {
      req.off('data', onData)
      req.pause()
      chunks.length = 0
      resolve(null)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > (cap ?? max)) return tooLarge()
      chunks.push(chunk)
      if (cap === undefined) {
        const named = refine!(Buffer.concat(chunks, size))
        if (named !== undefined) cap = Math.min(max, named)
        if (cap !== undefined && (size > cap || declared > cap)) return tooLarge()
      }
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks, size)))
    req.on('error', reject)
    // A client that goes away mid-body is not an answer to wait for.
    req.on('aborted', () => reject(new Error('request aborted')))
  })
}
