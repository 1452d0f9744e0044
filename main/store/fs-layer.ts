import * as fsp from 'node:fs/promises'
import { dirname } from 'node:path'

/** An open file, as far as the store needs one: `path` lets wrappers match calls by file. */
export interface FsFile {
  readonly path: string
}

/** What identifies a file's current content without reading it (an atomic write is a new inode). */
export interface FileSig {
  ino: bigint
  size: bigint
  mtimeNs: bigint
}

/**
 * Every disk operation the store performs, and nothing more. The store never touches node:fs
 * directly, so a test can record the order of calls (SIGKILL keeps the page cache, so only the
 * order proves durability) and fail any step with EIO, ENOSPC or EROFS (root ignores permissions).
 */
export interface FsLayer {
  /** 'wx' creates exclusively (temp files, locks): an existing file is EEXIST, never truncated. */
  open(path: string, flags: 'wx', mode?: number): Promise<FsFile>
  write(file: FsFile, data: Uint8Array): Promise<void>
  fsync(file: FsFile): Promise<void>
  close(file: FsFile): Promise<void>
  rename(from: string, to: string): Promise<void>
  /** A second name for the same file: atomic, fails with EEXIST when `to` exists. */
  link(existing: string, to: string): Promise<void>
  /** Makes the directory's entries (creations, renames) durable. */
  fsyncDir(dir: string): Promise<void>
  readFile(path: string): Promise<Uint8Array>
  readdir(dir: string): Promise<string[]>
  unlink(path: string): Promise<void>
  /** Recursive; resolves with the first directory it created, or undefined when all existed. */
  mkdir(dir: string): Promise<string | undefined>
  /** Undefined when there is no such file or folder. */
  stat(path: string): Promise<FileSig | undefined>
}

class NodeFile implements FsFile {
  constructor(
    readonly path: string,
    readonly handle: fsp.FileHandle,
  ) {}
}

const handleOf = (file: FsFile): fsp.FileHandle => {
  if (!(file instanceof NodeFile)) throw new TypeError(`not a file opened by nodeFs: ${file.path}`)
  return file.handle
}

/** The real thing, over node:fs/promises. */
export const nodeFs: FsLayer = {
  // Owner-only by default: what the app writes is someone's text or settings (README, data table).
  async open(path, flags, mode = 0o600) {
    return new NodeFile(path, await fsp.open(path, flags, mode))
  },
  async write(file, data) {
    // write() may write less than asked (signals, quotas): loop until every byte is out.
    let offset = 0
    while (offset < data.byteLength) {
      const { bytesWritten } = await handleOf(file).write(data, offset, data.byteLength - offset)
      offset += bytesWritten
    }
  },
  fsync: (file) => handleOf(file).sync(),
  close: (file) => handleOf(file).close(),
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, to) => fsp.link(existing, to),
  async fsyncDir(dir) {
    // Windows cannot open a directory for fsync; NTFS journals renames itself.
    if (process.platform === 'win32') return
    const handle = await fsp.open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  readFile: (path) => fsp.readFile(path),
  readdir: (dir) => fsp.readdir(dir),
  unlink: (path) => fsp.unlink(path),
  mkdir: (dir) => fsp.mkdir(dir, { recursive: true }),
  async stat(path) {
    try {
      const s = await fsp.stat(path, { bigint: true })
      return { ino: s.ino, size: s.size, mtimeNs: s.mtimeNs }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw e
    }
  },
}

/**
 * Creates `dir` if needed and makes its new entries durable: a first save into a folder that was
 * just created is only safe once the parents know about the folder.
 */
export async function ensureDir(fs: FsLayer, dir: string): Promise<void> {
  const first = await fs.mkdir(dir)
  if (first === undefined) return
  for (let d = dir; ; d = dirname(d)) {
    await fs.fsyncDir(dirname(d))
    if (d === first || dirname(d) === d) return
  }
}
