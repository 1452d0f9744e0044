import { chmod, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareDataFolder } from './data-folder'
import { nodeFs } from './fs-layer'
import { faultyFs } from './testing/fs-faults'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()

describe('prepareDataFolder', () => {
  it.skipIf(process.platform === 'win32')('creates the folder 0700, and tightens an old 0755 one', async () => {
    const fresh = join(await tempDir(), 'Upstream')
    await prepareDataFolder(fresh)
    expect((await stat(fresh)).mode & 0o777).toBe(0o700)
    expect(await readdir(fresh)).toEqual([])
    const old = await tempDir()
    await chmod(old, 0o755)
    await prepareDataFolder(old)
    expect((await stat(old)).mode & 0o777).toBe(0o700)
  })

  it('a full disk on first run says so, with the folder, and leaves nothing behind', async () => {
    const dir = join(await tempDir(), 'Upstream')
    const faults = faultyFs(nodeFs)
    faults.fail('write', 'ENOSPC')
    const error = await prepareDataFolder(dir, faults.fs).catch((e: Error) => e)
    expect(error).toMatchObject({ kind: 'storage', code: 'ENOSPC' })
    expect((error as Error).message).toBe(
      `Upstream cannot use its data folder ${dir}: the disk is full (ENOSPC). Free some space; nothing was changed.`,
    )
    expect(await readdir(dir)).toEqual([])
  })

  it('a read-only folder is named with what to do', async () => {
    const dir = await tempDir()
    const faults = faultyFs(nodeFs)
    faults.fail('open', 'EROFS')
    await expect(prepareDataFolder(dir, faults.fs)).rejects.toThrow(
      `Upstream cannot use its data folder ${dir}: the data folder is on a read-only disk (EROFS). Make the disk writable`,
    )
  })
})
