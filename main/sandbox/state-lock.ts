import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { acquireLock, type Lock } from '../store/locks'

/** The lock file's name in the state folder (`sandbox.lock`). */
export const SANDBOX_LOCK = 'sandbox'

/** A second sandbox on a state folder another one serves: two would hand out one msgnum twice. */
export class SandboxFolderInUse extends Error {
  readonly code = 'ELOCKED'
  constructor(
    readonly dir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `Another Upstream sandbox${pid ? ` (process ${pid})` : ''} is already serving the state folder ${dir}. ` +
        'Stop it first, or start this one on another folder (upstream sandbox --data DIR).',
    )
    this.name = 'SandboxFolderInUse'
  }
}

/**
 * Holds `<dir>/sandbox.lock` (main/store/locks.ts) for as long as a sandbox serves the folder. A
 * lock left by a process that died (killed, out of memory) is taken over, so a restart works.
 */
export async function lockStateFolder(dir: string): Promise<Lock> {
  const lock = await acquireLock(dir, SANDBOX_LOCK)
  if (lock) return lock
  const owner = await readFile(join(dir, `${SANDBOX_LOCK}.lock`), 'utf8')
    .then((t) => (JSON.parse(t) as { pid?: unknown }).pid)
    .catch(() => undefined)
  throw new SandboxFolderInUse(dir, typeof owner === 'number' ? owner : undefined)
}
