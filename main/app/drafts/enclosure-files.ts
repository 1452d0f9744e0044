import { lstat, open, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ensureDir, nodeFs } from '../../store/fs-layer'

/** Where an enclosure's bytes are kept: `drafts/<id>/<storedAs>`, beside the draft's JSON. */
export const enclosurePath = (draftsDir: string, draftId: string, storedAs: string): string =>
  join(draftsDir, draftId, storedAs)

/**
 * Moves a staged upload into a draft's folder without reading it (50 MB never passes through a
 * string), durably: fsync(file) → rename → fsync(both folders), so once the draft records the
 * enclosure its bytes are on disk. Answers the size. Both paths are in the data folder, so the
 * rename never crosses file systems.
 */
export async function moveInDurably(from: string, to: string): Promise<number> {
  const info = await lstat(from)
  if (!info.isFile()) throw Object.assign(new Error(`${from} is not a regular file`), { code: 'EINVAL' })
  const handle = await open(from, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  await ensureDir(nodeFs, dirname(to))
  await nodeFs.rename(from, to)
  await nodeFs.fsyncDir(dirname(to))
  await nodeFs.fsyncDir(dirname(from))
  return info.size
}

/** Undoes a move whose draft record could not be written, so the upload can be attached again. */
export async function moveBack(from: string, to: string): Promise<void> {
  await nodeFs.rename(from, to).catch(() => rm(from, { force: true }))
}
