import { readdir, readFile, rm, rmdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { KeyedLock } from './keyed-lock'
import type { SandboxLimits } from './limits'
import { urlPath } from './paths'
import { clip } from './params'
import { JsonState, writeFilesAtomic } from './state-file'

/** `users`: xmlStorageSystem uploads; `webhost`: webHost.put pages. Both count toward the quota. */
export type Space = 'users' | 'webhost'
const SPACES: readonly Space[] = ['users', 'webhost']

export interface StoredFile {
  size: number
  /** The type it was uploaded with (webHost.put); otherwise served by extension. */
  mimeType?: string
  whenCreated: string
  whenLastUploaded: string
}

export interface ListedFile extends StoredFile {
  relativePath: string
}

/** A file the store would not take, with the reason a person can read. */
export class StoreRefusal extends Error {
  constructor(
    readonly kind: 'limit' | 'path',
    message: string,
  ) {
    super(message)
  }
}

/**
 * Every published file, on disk under <dir>/<space>/<usernum>/ and in an index (files.json) with
 * sizes and dates. The index is a cache of the disk: it is reconciled at start, so a crash between
 * writing a file and the index costs nothing. Files are served only when indexed, so no URL can
 * reach anything else in the data directory.
 */
export class FileStore {
  /** Told the URL paths of files that changed (stored or deleted): pleaseNotify hooks in here. */
  onChange: (urlPaths: string[]) => void = () => {}
  private readonly lock = new KeyedLock()

  private constructor(
    private readonly dir: string,
    private readonly index: JsonState<Record<string, StoredFile>>,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, now: () => Date = () => new Date()): Promise<FileStore> {
    const index = await JsonState.open<Record<string, StoredFile>>(join(dir, 'files.json'), {})
    const store = new FileStore(dir, new JsonState(index.file, Object.assign(Object.create(null), index.value)), now)
    await store.reconcile()
    return store
  }

  urlPath(space: Space, usernum: string, rel: string): string {
    return `/${space}/${usernum}/${urlPath(rel)}`
  }

  get(space: Space, usernum: string, rel: string): StoredFile | undefined {
    return this.entries[key(space, usernum, rel)]
  }

  list(space: Space, usernum: string): ListedFile[] {
    const prefix = key(space, usernum, '')
    return Object.keys(this.entries)
      .filter((k) => k.startsWith(prefix))
      .sort()
      .map((k) => ({ relativePath: k.slice(prefix.length), ...this.entries[k] }))
  }

  private readonly otherUsage: ((usernum: string) => number)[] = []

  /** Counts what the member stores elsewhere (messages, enclosures, blog posts) in the same quota. */
  addUsage(bytesOf: (usernum: string) => number): void {
    this.otherUsage.push(bytesOf)
  }

  /** Everything the member stores: its files and pages here, and what addUsage counts. */
  bytesInUse(usernum: string): number {
    return this.otherUsage.reduce((sum, bytesOf) => sum + bytesOf(usernum), this.fileBytes(usernum))
  }

  private fileBytes(usernum: string): number {
    // A sum, not list(): every upload call asks, and sorting the whole index each time showed up in profiles.
    const prefixes = SPACES.map((s) => key(s, usernum, ''))
    let sum = 0
    for (const k in this.entries) if (prefixes.some((p) => k.startsWith(p))) sum += this.entries[k].size
    return sum
  }

  /** Stores bytes at a checked relative path, within the size and quota limits. */
  async put(
    space: Space,
    usernum: string,
    rel: string,
    bytes: Uint8Array,
    limits: SandboxLimits,
    mimeType?: string,
  ): Promise<void> {
    const [refusal] = await this.putMany(space, usernum, [{ rel, bytes, mimeType }], limits)
    if (refusal) throw refusal
  }

  /**
   * Stores the files of one call (saveMultipleFiles), each checked in order as put() would, then
   * written side by side and indexed with one index save: an index save per file made a
   * 10,000-file upload quadratic. Resolves with a refusal, or null, per file.
   */
  putMany(
    space: Space,
    usernum: string,
    items: readonly PutItem[],
    limits: SandboxLimits,
  ): Promise<(StoreRefusal | null)[]> {
    return this.lock.run(usernum, async () => {
      const results: (StoreRefusal | null)[] = []
      const admitted: number[] = []
      const sizes = new Map<string, number>() // sizes as this call leaves them, for the quota
      let inUse = this.bytesInUse(usernum)
      items.forEach((item, i) => {
        const previous = sizes.get(item.rel) ?? this.get(space, usernum, item.rel)?.size ?? 0
        const refusal = this.refusal(item, limits, inUse - previous + item.bytes.length)
        results.push(refusal)
        if (refusal) return
        inUse += item.bytes.length - previous
        sizes.set(item.rel, item.bytes.length)
        admitted.push(i)
      })
      const when = this.now().toISOString()
      const stored: string[] = []
      // Waves of distinct paths: a path sent twice in one call is written in order, last one wins.
      for (const wave of waves(admitted, (i) => items[i].rel, Number.MAX_SAFE_INTEGER)) {
        const errors = await writeFilesAtomic(
          wave.map((i) => ({ file: this.fileOf(space, usernum, items[i].rel), data: items[i].bytes })),
        )
        wave.forEach((i, n) => {
          const { rel, bytes, mimeType } = items[i]
          const e = errors[n]
          if (e) {
            const code = (e as NodeJS.ErrnoException).code
            if (code === 'ENAMETOOLONG')
              return void (results[i] = new StoreRefusal(
                'path',
                `${clip(rel)}: a file or folder name in it is longer than this server's file system allows (255 bytes).`,
              ))
            if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST')
              return void (results[i] = new StoreRefusal(
                'path',
                `${clip(rel)} clashes with a file or folder of the same name.`,
              ))
            throw e
          }
          const previous = this.get(space, usernum, rel)
          this.entries[key(space, usernum, rel)] = {
            size: bytes.length,
            ...(mimeType ? { mimeType } : {}),
            whenCreated: previous?.whenCreated ?? when,
            whenLastUploaded: when,
          }
          stored.push(this.urlPath(space, usernum, rel))
        })
      }
      if (stored.length > 0) {
        await this.index.save()
        this.onChange(stored)
      }
      return results
    })
  }

  private refusal(item: PutItem, limits: SandboxLimits, after: number): StoreRefusal | null {
    const { rel, bytes } = item
    // Kept as the file's type and reported back: a line break would be a header of its own.
    if (item.mimeType !== undefined && /[\0-\x1f\x7f]/.test(item.mimeType))
      return new StoreRefusal('path', `${clip(rel)}: the MIME type contains a line break or another control character.`)
    if (bytes.length > limits.maxFileSize)
      return new StoreRefusal(
        'limit',
        `${clip(rel)} is ${bytes.length} bytes; the largest file this server accepts is ${limits.maxFileSize} bytes.`,
      )
    if (after > limits.maxBytesPerUser)
      return new StoreRefusal(
        'limit',
        `${clip(rel)} (${bytes.length} bytes) would take you to ${after} bytes; your quota is ${limits.maxBytesPerUser} bytes.`,
      )
    return null
  }

  /** Deletes a stored file; false when there was none. */
  remove(space: Space, usernum: string, rel: string): Promise<boolean> {
    return this.lock.run(usernum, async () => {
      const k = key(space, usernum, rel)
      if (!this.entries[k]) return false
      const target = this.fileOf(space, usernum, rel)
      await rm(target, { force: true })
      delete this.entries[k]
      await this.index.save()
      await this.pruneEmptyFolders(target, join(this.dir, space, usernum))
      this.onChange([this.urlPath(space, usernum, rel)])
      return true
    })
  }

  /** The stored file a URL path names (/users/0012345/a%20b.html), or undefined. */
  resolve(pathname: string): { file: string; entry: StoredFile } | undefined {
    const parts = pathname.split('/')
    const [, space, usernum, ...rest] = parts
    if (!SPACES.includes(space as Space) || !usernum || rest.length === 0) return undefined
    let rel: string
    try {
      rel = rest.map(decodeURIComponent).join('/')
    } catch {
      return undefined
    }
    const entry = this.get(space as Space, usernum, rel)
    return entry && { file: this.fileOf(space as Space, usernum, rel), entry }
  }

  private get entries(): Record<string, StoredFile> {
    return this.index.value
  }

  private fileOf(space: Space, usernum: string, rel: string): string {
    return join(this.dir, space, usernum, ...rel.split('/'))
  }

  private async pruneEmptyFolders(file: string, root: string): Promise<void> {
    for (let folder = join(file, '..'); folder.startsWith(root + sep); folder = join(folder, '..')) {
      try {
        await rmdir(folder)
      } catch {
        return // not empty (or gone): the folders above are not empty either
      }
    }
  }

  private async reconcile(): Promise<void> {
    const legacyTypes = (await readFile(join(this.dir, 'types.json'), 'utf8').then(JSON.parse, () => ({}))) as Record<
      string,
      string
    >
    const seen = new Set<string>()
    let changed = false
    for (const space of SPACES) {
      for (const file of await walk(join(this.dir, space))) {
        if (/\.\d+\.[0-9a-f]{12}\.tmp$/.test(file)) {
          await rm(file, { force: true }) // a write that a crash interrupted
          continue
        }
        const [usernum, ...rest] = relative(join(this.dir, space), file).split(sep)
        if (rest.length === 0) continue
        const k = key(space, usernum, rest.join('/'))
        seen.add(k)
        const info = await stat(file)
        const entry = this.entries[k]
        if (entry?.size === info.size) continue
        const legacyType = legacyTypes[relative(this.dir, file)]
        this.entries[k] = {
          size: info.size,
          ...(entry?.mimeType || legacyType ? { mimeType: entry?.mimeType ?? legacyType } : {}),
          whenCreated: entry?.whenCreated ?? info.mtime.toISOString(),
          whenLastUploaded: info.mtime.toISOString(),
        }
        changed = true
      }
    }
    for (const k of Object.keys(this.entries)) {
      if (!seen.has(k)) {
        delete this.entries[k]
        changed = true
      }
    }
    if (changed) await this.index.save()
  }
}

const key = (space: Space, usernum: string, rel: string): string => `${space}/${usernum}/${rel}`

export interface PutItem {
  rel: string
  bytes: Uint8Array
  mimeType?: string
}

/** Splits indexes into groups of at most `size` in which no key appears twice, keeping order per key. */
function waves(indexes: number[], keyOf: (i: number) => string, size: number): number[][] {
  const out: number[][] = []
  let wave: number[] = []
  let keys = new Set<string>()
  for (const i of indexes) {
    if (wave.length === size || keys.has(keyOf(i))) {
      out.push(wave)
      wave = []
      keys = new Set()
    }
    wave.push(i)
    keys.add(keyOf(i))
  }
  if (wave.length > 0) out.push(wave)
  return out
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const e of entries) {
    const path = join(folder, e.name)
    if (e.isDirectory()) files.push(...(await walk(path)))
    else if (e.isFile()) files.push(path)
  }
  return files
}
