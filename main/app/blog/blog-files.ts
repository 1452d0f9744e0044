import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { keepAside } from '../../store/corrupt-aside'
import { nodeFs } from '../../store/fs-layer'
import { KeyedQueue } from '../../store/keyed-queue'
import { writeJsonDurable } from '../../queue/write-json'

/**
 * What Upstream keeps per blog account: `<data>/blogs/<accountId>/<name>.json` (the categories
 * for offline use, the media ledger). The id becomes a folder name, so anything but letters,
 * digits, '-' and '_' is escaped: no id can reach outside blogs/.
 */
export const blogFile = (dataDir: string, accountId: string, name: string): string =>
  join(
    dataDir,
    'blogs',
    accountId.replace(/[^A-Za-z0-9_-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
    name,
  )

// Read-modify-write of one file never interleaves with another's (two uploads finishing together).
const files = new KeyedQueue()

/** The parsed file, or undefined when there is none; a damaged one is kept aside (never deleted) and reads as none. */
async function readJson<T>(file: string): Promise<T | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  try {
    return JSON.parse(text) as T
  } catch {
    await keepAside(nodeFs, file).catch(() => {})
    return undefined
  }
}

export const readBlogJson = <T>(file: string): Promise<T | undefined> => files.run(file, () => readJson<T>(file))

/** Changes the file durably (temp, fsync, rename, fsync the folder), in call order per file. */
export function updateBlogJson<T>(file: string, change: (old: T | undefined) => T): Promise<T> {
  return files.run(file, async () => {
    const next = change(await readJson<T>(file))
    await writeJsonDurable(file, next)
    return next
  })
}
