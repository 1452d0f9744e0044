import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** Where streamed uploads land; the core resolves a fileId to this path. */
export const stagingDir = (dataDir: string): string => join(dataDir, 'staging')

/**
 * Large bytes (enclosures, files) are streamed to disk rather than carried inside JSON, so a 50 MB
 * file never sits in a JSON string in either process. Answers with an id the channels accept.
 */
export async function stageUpload(
  req: IncomingMessage,
  dataDir: string,
  limit: number,
): Promise<{ fileId: string; size: number }> {
  const dir = stagingDir(dataDir)
  await mkdir(dir, { recursive: true })
  const fileId = randomUUID()
  const target = join(dir, fileId)
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      done(size > limit ? new Error(`upload larger than ${limit} bytes`) : null, chunk)
    },
  })
  try {
    await pipeline(req, counter, createWriteStream(target, { mode: 0o600 }))
  } catch (e) {
    await rm(target, { force: true })
    throw e
  }
  return { fileId, size }
}
