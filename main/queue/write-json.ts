import { dirname } from 'node:path'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'

/** A job file written like a draft: temp file, fsync, rename, fsync the folder. */
export async function writeJsonDurable(file: string, value: unknown): Promise<void> {
  await ensureDir(nodeFs, dirname(file))
  await atomicWrite(nodeFs, file, JSON.stringify(value, null, 1))
}
