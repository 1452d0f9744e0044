import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { XmlRpcFault } from '../xmlrpc/fault'
import { atomicWrite } from '../store/atomic-write'
import { nodeFs } from '../store/fs-layer'
import { parseTempName } from '../store/temp-names'

/** Disk trouble as a caller may see it: the errno code and what it means, never a path. */
export class SandboxDiskError extends XmlRpcFault {
  constructor(readonly code: string) {
    super(
      -32500,
      `The sandbox could not save (${code}${meaning[code] ? `: ${meaning[code]}` : ''}); nothing was changed. Try again once the sandbox's disk is fixed.`,
    )
  }
}

const meaning: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EIO: 'a disk read/write error',
  EMFILE: 'too many open files',
}

/**
 * The sandbox's state and files, written as the drafts are (main/store/atomic-write.ts): temp,
 * fsync, rename, fsync folder. A failure leaves the previous version and becomes a
 * SandboxDiskError (the code, not the path).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true })
    await atomicWrite(nodeFs, file, data, { mode: 0o600 })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    // ENAMETOOLONG and friends are the caller's to explain (they name the file the caller gave).
    if (code === undefined || code === 'ENAMETOOLONG' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST')
      throw e
    throw new SandboxDiskError(code)
  }
}

/**
 * Removes what interrupted writes left anywhere in the state folder (`.NAME.PID-XXXXXXXX.tmp` and
 * `.prev`, and the older `NAME.PID.HEX.tmp`). Run at start, holding the folder's lock, so no live
 * writer's file can be among them.
 */
export async function sweepTemps(folder: string): Promise<number> {
  let removed = 0
  for (const e of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    const path = join(folder, e.name)
    if (e.isDirectory()) removed += await sweepTemps(path)
    else if (parseTempName(e.name) || /\.\d+\.[0-9a-f]{12}\.tmp$/.test(e.name)) {
      await rm(path, { force: true })
      removed += 1
    }
  }
  return removed
}

/** Reads a JSON state file; `fallback` when it does not exist yet. A corrupt file is an error, never silently reset. */
export async function readJson<T>(file: string, fallback: T): Promise<T> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback
    throw e
  }
  try {
    return JSON.parse(text) as T
  } catch (e) {
    throw new Error(`The sandbox state file ${file} is not valid JSON: ${(e as Error).message}`, { cause: e })
  }
}

/**
 * One JSON file written from an in-memory value. Saves run one at a time and each writes the value
 * as it is when it starts, so the file always ends up holding the latest state, whatever the
 * interleaving of callers. A save that fails puts the value back (in place) as last saved, so
 * what a failed call changed is not kept to be written by the next one; saves already waiting
 * behind it fail too, since the change they were to write was undone with it.
 */
export class JsonState<T> {
  private tail: Promise<void> = Promise.resolve()
  private saved: string
  private generation = 0

  constructor(
    readonly file: string,
    readonly value: T,
  ) {
    this.saved = JSON.stringify(value)
  }

  static async open<T>(file: string, fallback: T): Promise<JsonState<T>> {
    return new JsonState(file, await readJson(file, fallback))
  }

  save(): Promise<void> {
    const generation = this.generation
    const run = this.tail.then(async () => {
      if (generation !== this.generation) throw new SandboxDiskError('EAGAIN') // an earlier save failed and undid this change too
      const text = JSON.stringify(this.value, null, 1)
      try {
        await writeFileAtomic(this.file, text)
        this.saved = text
      } catch (e) {
        this.generation += 1
        restoreInPlace(this.value, JSON.parse(this.saved))
        // Whatever the cause, the caller hears the code, not the state folder's path.
        throw e instanceof SandboxDiskError ? e : new SandboxDiskError((e as NodeJS.ErrnoException).code ?? 'EIO')
      }
    })
    this.tail = run.catch(() => {})
    return run
  }
}

function restoreInPlace(target: unknown, from: unknown): void {
  if (Array.isArray(target)) target.splice(0, target.length, ...(from as unknown[]))
  else if (target && typeof target === 'object') {
    for (const k of Object.keys(target)) delete (target as Record<string, unknown>)[k]
    Object.assign(target, from)
  }
}
