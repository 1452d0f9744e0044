import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'

/**
 * The site paths the renderer wrote last time. Only these are ever removed by it (a deleted post's
 * page, an emptied month): anything else in the site folder is the user's and is left alone.
 */
export async function readRendered(file: string): Promise<string[]> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as unknown
    return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : []
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
}

export async function writeRendered(file: string, paths: Iterable<string>): Promise<void> {
  await ensureDir(nodeFs, dirname(file))
  await atomicWrite(nodeFs, file, JSON.stringify([...paths].sort(), null, 1))
}
