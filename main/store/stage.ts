import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** Where streamed uploads land; the core resolves a fileId to this path. */
export const stagingDir = (dataDir: string): string => join(dataDir, 'staging')

/** A staged upload never attached within this long was abandoned (a closed tab, a failed form). */
export const STAGE_MAX_AGE_MS = 24 * 60 * 60 * 1000
/** All staged uploads together: beyond this a new upload is refused, never an older one dropped. */
export const STAGE_MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024

async function staged(dir: string): Promise<{ path: string; size: number; mtimeMs: number }[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const files = await Promise.all(
    names.map(async (n) => {
      const s = await stat(join(dir, n)).catch(() => undefined)
      return s?.isFile() ? { path: join(dir, n), size: s.size, mtimeMs: s.mtimeMs } : undefined
    }),
  )
  return files.filter((f) => f !== undefined)
}

/** Removes staged uploads older than a day; answers how many went. The core runs it at start and hourly. */
export async function sweepStaging(dataDir: string, now = Date.now()): Promise<number> {
  const old = (await staged(stagingDir(dataDir))).filter((f) => now - f.mtimeMs > STAGE_MAX_AGE_MS)
  await Promise.all(old.map((f) => rm(f.path, { force: true })))
  return old.length
}

/**
 * Large bytes (enclosures, files) are streamed to disk rather than carried inside JSON, so a 50 MB
 * file never sits in a JSON string in either process. Answers with an id the channels accept.
 */
export async function stageUpload(
  req: IncomingMessage,
  dataDir: string,
  limit: number,
  totalLimit = STAGE_MAX_TOTAL_BYTES,
): Promise<{ fileId: string; size: number }> {
  const dir = stagingDir(dataDir)
  await mkdir(dir, { recursive: true })
  const room = totalLimit - (await staged(dir)).reduce((sum, f) => sum + f.size, 0)
  if (room <= 0)
    throw new Error(`the staging folder already holds ${totalLimit} bytes of uploads not yet attached; try again later`)
  limit = Math.min(limit, room)
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
