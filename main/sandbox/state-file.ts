import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/** The sandbox's own state: temp file, fsync, rename, so a crash never leaves half a file. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(value, null, 1))
}

/**
 * Same for any bytes. The temp name is unique per write: two writes of one file in the same
 * millisecond must not share (and truncate) one temp file.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, file)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
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
 * interleaving of callers.
 */
export class JsonState<T> {
  private tail: Promise<void> = Promise.resolve()

  constructor(
    readonly file: string,
    readonly value: T,
  ) {}

  static async open<T>(file: string, fallback: T): Promise<JsonState<T>> {
    return new JsonState(file, await readJson(file, fallback))
  }

  save(): Promise<void> {
    const run = this.tail.then(() => writeJsonAtomic(this.file, this.value))
    this.tail = run.catch(() => {})
    return run
  }
}
