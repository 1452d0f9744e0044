import type { IncomingMessage } from 'node:http'

/**
 * The request body, or null as soon as it is known to exceed `max` bytes: from Content-Length
 * before reading anything, or while reading (chunked or lying bodies). Never buffers more than `max`.
 */
export function readCappedBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'])
  if (declared > max) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= max) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      chunks.length = 0
      resolve(null)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks, size)))
    req.on('error', reject)
    // A client that goes away mid-body is not an answer to wait for.
    req.on('aborted', () => reject(new Error('request aborted')))
  })
}
