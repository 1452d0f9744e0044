import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'

export interface FileStamp {
  size: number
  mtimeMs: number
  ino: number
}

interface Entry extends FileStamp {
  hash: string
  /** When the bytes were read: a stamp is trusted only once it is older than that by a clock tick. */
  hashedAt: number
}

export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/**
 * Content hashes of the site's files, reused while size, mtime and inode are unchanged, so a
 * no-change sync reads no file. Git's "racy clean" rule applies: a file modified within the same
 * timestamp tick as it was hashed would keep its mtime, so an entry is trusted only when the file's
 * mtime is older than the hashing by more than the filesystem's granularity (2 s where mtimes are
 * whole seconds, FAT and HFS+; else 100 ms, far above ext4's or NTFS's ticks).
 */
export class HashCache {
  private dirty = false

  private constructor(
    private readonly file: string,
    private entries: Map<string, Entry>,
  ) {}

  static async load(file: string): Promise<HashCache> {
    let entries = new Map<string, Entry>()
    try {
      const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, Entry>
      entries = new Map(
        Object.entries(raw).filter(([, e]) => typeof e?.hash === 'string' && typeof e.hashedAt === 'number'),
      )
    } catch {
      // Missing or damaged: a cache, so everything is simply hashed again.
    }
    return new HashCache(file, entries)
  }

  /** The hash, when the cached one can be trusted for this stamp. */
  get(path: string, stamp: FileStamp): string | undefined {
    const e = this.entries.get(path)
    if (!e || e.size !== stamp.size || e.mtimeMs !== stamp.mtimeMs || e.ino !== stamp.ino) return undefined
    const tick = stamp.mtimeMs % 1000 === 0 ? 2000 : 100
    return e.hashedAt - stamp.mtimeMs > tick ? e.hash : undefined
  }

  set(path: string, stamp: FileStamp, hash: string, hashedAt: number): void {
    this.entries.set(path, { size: stamp.size, mtimeMs: stamp.mtimeMs, ino: stamp.ino, hash, hashedAt })
    this.dirty = true
  }

  /** Forgets files that are gone. */
  keepOnly(paths: Set<string>): void {
    for (const p of this.entries.keys()) {
      if (!paths.has(p)) {
        this.entries.delete(p)
        this.dirty = true
      }
    }
  }

  async save(): Promise<void> {
    if (!this.dirty) return
    await ensureDir(nodeFs, dirname(this.file))
    await atomicWrite(nodeFs, this.file, JSON.stringify(Object.fromEntries(this.entries)))
    this.dirty = false
  }
}
