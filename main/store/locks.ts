import { randomBytes } from 'node:crypto'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { ensureDir, nodeFs, type FsLayer } from './fs-layer'
import { isPidAlive } from './pid-alive'
import { tempPath } from './temp-names'

export interface Lock {
  readonly path: string
  /** Whether the lock file is still ours (a person may have deleted it). */
  held(): Promise<boolean>
  release(): Promise<void>
}

export interface LockOptions {
  fs?: FsLayer
  pid?: number
  host?: string
  /** When this machine booted (ms since epoch): a lock from before a reboot is stale. */
  bootedAt?: number
  isAlive?: (pid: number) => boolean
}

interface Owner {
  pid: number
  host: string
  bootedAt: number
  token: string
  at: string
}

// Boot time is derived from the wall clock, so allow for the clock being set between two reads.
const rebootSlackMs = 10 * 60_000

/**
 * `<data>/<name>.lock`: one publisher per data directory. The file is written whole under a temp
 * name and then hard-linked into place, which fails with EEXIST when it exists, so nobody ever
 * reads a half-written lock. A lock whose process is gone (or from before a reboot, when the pid
 * may have been reused) is taken over. Resolves with null when another live process holds it.
 */
export async function acquireLock(
  dataDir: string,
  name = 'publisher',
  options: LockOptions = {},
): Promise<Lock | null> {
  const fs = options.fs ?? nodeFs
  const path = join(dataDir, `${name}.lock`)
  const me: Owner = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    bootedAt: options.bootedAt ?? Date.now() - uptime() * 1000,
    token: randomBytes(8).toString('hex'),
    at: new Date().toISOString(),
  }
  const mine = JSON.stringify(me)
  const isAlive = options.isAlive ?? isPidAlive
  await ensureDir(fs, dataDir)

  const readText = (p: string): Promise<string | undefined> =>
    fs.readFile(p).then(
      (b) => Buffer.from(b).toString('utf8'),
      (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)),
    )

  const isStale = (text: string): boolean => {
    const o = parseOwner(text)
    if (!o) return true // a lock file is only ever linked in whole, so this one is debris
    if (o.host !== me.host) return false // another machine's pids cannot be checked from here
    if (Math.abs(o.bootedAt - me.bootedAt) > rebootSlackMs) return true
    return o.pid !== me.pid && !isAlive(o.pid)
  }

  // Two processes may find the same stale lock: each moves "the" file aside and checks it moved
  // the stale one; one that moved a fresh lock (the other's) puts it back and gives up.
  const breakStale = async (stale: string): Promise<boolean> => {
    const aside = tempPath(path, 'prev')
    try {
      await fs.rename(path, aside)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true
      throw e
    }
    const moved = await readText(aside)
    if (moved !== stale) await fs.link(aside, path).catch(() => {})
    await fs.unlink(aside).catch(() => {})
    return moved === stale
  }

  for (let attempt = 0; attempt < 5; attempt++) {
    if (await create(fs, path, mine)) return handle(fs, path, mine, readText)
    const text = await readText(path)
    if (text === undefined) continue // released in between: try again
    if (!isStale(text) || !(await breakStale(text))) return null
  }
  return null
}

async function create(fs: FsLayer, path: string, content: string): Promise<boolean> {
  const tmp = tempPath(path, 'tmp')
  const file = await fs.open(tmp, 'wx', 0o644)
  try {
    try {
      await fs.write(file, Buffer.from(content))
    } finally {
      await fs.close(file)
    }
    await fs.link(tmp, path)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  } finally {
    await fs.unlink(tmp).catch(() => {})
  }
}

function handle(fs: FsLayer, path: string, mine: string, readText: (p: string) => Promise<string | undefined>): Lock {
  const held = async (): Promise<boolean> => (await readText(path)) === mine
  return {
    path,
    held,
    async release() {
      if (await held()) await fs.unlink(path).catch(() => {})
    },
  }
}

function parseOwner(text: string): Owner | null {
  try {
    const o = JSON.parse(text) as Owner
    const ok =
      Number.isSafeInteger(o.pid) &&
      typeof o.host === 'string' &&
      typeof o.bootedAt === 'number' &&
      typeof o.token === 'string'
    return ok ? o : null
  } catch {
    return null
  }
}
