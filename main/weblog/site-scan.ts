import { statSync, type Dirent } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { contentHash, type FileStamp, type HashCache } from './hash-cache'
import { isIgnoredName } from './site-ignore'

/** One file of the site as it is on disk now. */
export interface LocalFile {
  /** Forward slashes, relative to the site folder: the path sent to the server. */
  path: string
  size: number
  /** The content hash when known without reading (a trusted cache entry, or read already). */
  hash?: string
  /** Reads the bytes and hashes them (the hash cache learns it): what is sent is what is recorded. */
  read(): Promise<{ bytes: Buffer; hash: string }>
}

/**
 * Every file of the site folder (see ./site-ignore), stat'ed only: hashes come from the cache,
 * or are computed when a comparison needs them (./sync-hashes) or when the file is read to be
 * sent — a first sync reads each file once. Ignored folders are not walked. Symlinked files count;
 * symlinked folders do not (they can loop).
 */
export async function scanSite(siteDir: string, cache: HashCache): Promise<LocalFile[]> {
  const files: LocalFile[] = []
  await walk(siteDir, '', (path, abs) => {
    // Synchronous on purpose: 10,000 stats take ~30 ms so, ~150 ms through the thread pool, and
    // they block only one folder's worth at a time (walk awaits each readdir).
    const s = statSync(abs, { throwIfNoEntry: false })
    if (!s?.isFile()) return
    const stamp: FileStamp = { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino }
    const file: LocalFile = {
      path,
      size: s.size,
      hash: cache.get(path, stamp),
      async read() {
        const startedAt = Date.now()
        const bytes = await readFile(abs)
        const hash = contentHash(bytes)
        // Stamped as stat'ed before the read: a file changed in between gets a new stamp, so is hashed again.
        cache.set(path, stamp, hash, startedAt)
        file.hash = hash
        return { bytes, hash }
      },
    }
    files.push(file)
  })
  cache.keepOnly(new Set(files.map((f) => f.path)))
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

async function walk(dir: string, prefix: string, onFile: (path: string, abs: string) => void): Promise<void> {
  let entries: Dirent[]
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && prefix === '') return // no site folder yet: an empty site
    throw e
  }
  for (const e of entries) {
    if (isIgnoredName(e.name)) continue
    const path = prefix + e.name
    const abs = join(dir, e.name)
    if (e.isDirectory()) await walk(abs, `${path}/`, onFile)
    else if (e.isFile() || e.isSymbolicLink()) onFile(path, abs)
  }
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * Hashes the files whose hash a plan needs: those the server already has a copy of, to tell
 * changed from unchanged. New files need none; they are hashed as they are read for sending.
 */
export async function hashKnown(files: readonly LocalFile[], known: { has(path: string): boolean }): Promise<void> {
  const todo = files.filter((f) => f.hash === undefined && known.has(f.path))
  await forEachLimited(todo, 16, async (f) => void (await f.read()))
}
