/**
 * `upstream serve` on a data folder it cannot write: a real read-only mount and a real full disk
 * (a tiny tmpfs), in a private mount namespace (unshare, as root; skipped elsewhere). It must
 * exit with a clear message and code 73 instead of hanging with the port held; `timeout 30` turns
 * a hang into exit code 124, which fails the test.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { builtCli } from '../app/testing/serve-process'

const canMount = process.getuid?.() === 0 && existsSync('/usr/bin/unshare') && existsSync(builtCli)
const dirs: string[] = []
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))))

/** Runs `setup` then serve on `data`, in a mount namespace of its own. */
function serveIn(setup: string, data: string) {
  const serve = `timeout 30 ${process.execPath} ${builtCli} serve --port 0 --data ${data}`
  const r = spawnSync('unshare', ['-m', 'sh', '-c', `set -e; ${setup}; ${serve}`], { encoding: 'utf8' })
  return { code: r.status, stderr: r.stderr }
}

describe.skipIf(!canMount)('upstream serve on a data folder it cannot write', () => {
  it('read-only: a clear message and exit 73, at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'upstream-ro-'))
    dirs.push(dir)
    const r = serveIn(`mount --bind ${dir} ${dir}; mount -o remount,bind,ro ${dir}`, dir)
    expect(r.code).toBe(73)
    expect(r.stderr).toContain(
      `Upstream cannot use its data folder ${dir}: the data folder is on a read-only disk (EROFS)`,
    )
  })

  it('a full disk on first run: "the disk is full", with the folder, and exit 73', async () => {
    const mnt = await mkdtemp(join(tmpdir(), 'upstream-full-'))
    dirs.push(mnt)
    const data = join(mnt, 'Upstream')
    const fill = `dd if=/dev/zero of=${mnt}/fill bs=4k 2>/dev/null || true`
    const r = serveIn(`mount -t tmpfs -o size=256k tmpfs ${mnt}; mkdir ${data}; ${fill}`, data)
    expect(r.code).toBe(73)
    expect(r.stderr).toContain(`Upstream cannot use its data folder ${data}: the disk is full (ENOSPC)`)
  })
})
