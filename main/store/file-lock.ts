import { acquireLock } from './locks'
import type { FsLayer } from './fs-layer'
import { StoreError } from './store-error'

export interface FileLockOptions {
  fs?: FsLayer
  /** How long to wait for another process's brief read-modify-write (default 10 s). */
  waitMs?: number
}

/**
 * Runs `fn` holding `<data>/<name>.lock` (main/store/locks.ts), so two processes on one data
 * folder (two `upstream serve`, the app and the CLI) take turns at a read-modify-write instead of
 * one overwriting the other from a stale copy. Holders keep it for one write, so waiting is short;
 * a holder that died is taken over by acquireLock.
 */
export async function withFileLock<T>(
  dataDir: string,
  name: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 10_000)
  for (let pause = 2; ; pause = Math.min(50, pause * 2)) {
    const lock = await acquireLock(dataDir, name, { fs: options.fs })
    if (lock) {
      try {
        return await fn()
      } finally {
        await lock.release()
      }
    }
    if (Date.now() > deadline)
      throw new StoreError(
        'storage',
        'ELOCKED',
        `Not saved: another Upstream process has held ${name}.lock in ${dataDir} for too long. ` +
          'Close other copies of Upstream on this data folder, or delete the lock file if none is running.',
      )
    await new Promise((r) => setTimeout(r, pause + Math.random() * pause))
  }
}
