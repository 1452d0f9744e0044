import { chmod, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { atomicWrite } from './atomic-write'
import { nodeFs, type FsLayer } from './fs-layer'
import { diskError } from './store-error'

/**
 * Before anything else starts (the queue lock, the Local sandbox, a listening port): the data
 * folder exists, is the owner's alone (0700 on Unix: drafts, settings and passwords live there),
 * and takes a durable write. A read-only folder or a full disk is then one clear StoreError naming
 * the folder, at once, instead of a hang later with a port held.
 */
export async function prepareDataFolder(dataDir: string, fs: FsLayer = nodeFs): Promise<void> {
  const cannot = (e: unknown) =>
    diskError(e, { lead: `Upstream cannot use its data folder ${dataDir}`, keeps: 'nothing was changed' })
  try {
    await fs.mkdir(dataDir)
  } catch (e) {
    throw cannot(e)
  }
  if (process.platform !== 'win32') {
    // An older version (or a umask) left it 0755: tighten it if it is ours; a shared folder stays.
    const info = await stat(dataDir)
    if ((info.mode & 0o077) !== 0 && info.uid === process.getuid?.()) await chmod(dataDir, 0o700).catch(() => {})
  }
  const probe = join(dataDir, `.write-check-${process.pid}`)
  try {
    await atomicWrite(fs, probe, 'ok\n')
    await fs.unlink(probe)
  } catch (e) {
    throw cannot(e)
  }
}
