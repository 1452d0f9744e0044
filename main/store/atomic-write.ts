import { dirname } from 'node:path'
import type { FsFile, FsLayer } from './fs-layer'
import { tempPath } from './temp-names'

export interface AtomicWriteOptions {
  /** File mode for the new file; the default, 0o600, is the owner's alone (drafts, settings, jobs hold text). */
  mode?: number
}

/**
 * Replaces `target` with `data` so that a crash or a full disk at any moment leaves either the
 * previous version or the new one, whole: temp file in the same folder → write → fsync(file) →
 * rename → fsync(folder). Resolves only after all of them. On failure the temp file is removed,
 * the previous version is left in place, and the error (with its errno `code`) is rethrown.
 */
export async function atomicWrite(
  fs: FsLayer,
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const tmp = tempPath(target, 'tmp')
  await writeDurably(fs, tmp, bytes, options.mode ?? 0o600)

  const previous = await keepPrevious(fs, target).catch(async (e) => {
    await removeQuietly(fs, tmp)
    throw e
  })
  try {
    await fs.rename(tmp, target)
  } catch (e) {
    await removeQuietly(fs, tmp)
    if (previous.link) await removeQuietly(fs, previous.link)
    throw e
  }
  try {
    await fs.fsyncDir(dirname(target))
  } catch (e) {
    // The rename may or may not reach the disk: put the previous version back so that what is on
    // disk is what was last confirmed, never something the caller was told failed.
    await rollBack(fs, target, previous)
    throw e
  }
  if (previous.link) await removeQuietly(fs, previous.link)
}

async function writeDurably(fs: FsLayer, tmp: string, bytes: Uint8Array, mode: number): Promise<void> {
  // 'wx': the temp name is ours alone; if open fails nothing was created, so nothing to remove.
  let file: FsFile | undefined = await fs.open(tmp, 'wx', mode)
  try {
    await fs.write(file, bytes)
    await fs.fsync(file)
    const f = file
    file = undefined
    await fs.close(f)
  } catch (e) {
    if (file) await fs.close(file).catch(() => {})
    await removeQuietly(fs, tmp)
    throw e
  }
}

interface Previous {
  existed: boolean
  /** A second name for the previous version, or undefined (none, or no hard links here). */
  link?: string
}

// Filesystems without hard links (FAT, some network shares) answer with one of these.
const noLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'])

async function keepPrevious(fs: FsLayer, target: string): Promise<Previous> {
  const link = tempPath(target, 'prev')
  try {
    await fs.link(target, link)
    return { existed: true, link }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? ''
    if (code === 'ENOENT') return { existed: false }
    if (noLinks.has(code)) return { existed: true }
    throw e
  }
}

async function rollBack(fs: FsLayer, target: string, previous: Previous): Promise<void> {
  try {
    if (previous.link) await fs.rename(previous.link, target)
    else if (!previous.existed) await fs.unlink(target)
    else return // no hard links: the new version (complete and fsynced) stays, it cannot be undone
    await fs.fsyncDir(dirname(target))
  } catch {
    // The caller is told the write failed either way; the original error is the one to report.
  }
}

async function removeQuietly(fs: FsLayer, path: string): Promise<void> {
  await fs.unlink(path).catch(() => {})
}
