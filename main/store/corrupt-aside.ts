import { basename, dirname, extname, join } from 'node:path'
import type { FsLayer } from './fs-layer'

/**
 * A damaged file is never deleted and never overwritten: it is renamed beside itself as
 * `<name>.corrupt-<timestamp><ext>` (settings.json → settings.corrupt-2025-01-02T03-04-05-678Z.json)
 * so a person (or support) can still recover what is in it.
 */
export function asideName(path: string, now: Date = new Date()): string {
  const ext = extname(path)
  const stem = basename(path, ext)
  // No ':' in the stamp: Windows forbids it in file names.
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  return join(dirname(path), `${stem}.corrupt-${stamp}${ext}`)
}

/** Renames `path` aside durably and returns where it went. */
export async function keepAside(fs: FsLayer, path: string, now: Date = new Date()): Promise<string> {
  const aside = asideName(path, now)
  await fs.rename(path, aside)
  await fs.fsyncDir(dirname(path))
  return aside
}
