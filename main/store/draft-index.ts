import { dirname } from 'node:path'
import type { Draft, DraftSummary } from '../../shared/model'
import { atomicWrite } from './atomic-write'
import type { DraftFiles } from './draft-files'
import { searchText, summarize } from './draft-query'
import type { FileSig, FsLayer } from './fs-layer'

/** One draft as the list and the search need it, and the file identity it was read from. */
export interface IndexEntry {
  sig: string
  summary: DraftSummary
  /** searchText(): folded title and body. */
  text: string
}

interface IndexFile {
  version: 1
  /** The folder's mtime the entries matched (decimal ns); absent: check every file. */
  dirMtimeNs?: string
  entries: [id: string, sig: string, summary: DraftSummary, text: string][]
}

const sigOf = (s: FileSig): string => `${s.ino}:${s.size}:${s.mtimeNs}`
// Coarse file-system clocks: a change in the same tick as a scan may leave the folder's mtime
// as it was, so a folder changed less than this long before a scan is checked again next time.
const RACY_NS = 2_000_000_000n
const STAT_BATCH = 64
const PERSIST_DELAY_MS = 1_000

/**
 * The drafts list and search without re-reading every draft: summaries and folded text kept in
 * memory and in `<data>/cache/drafts-index.json`, each checked against its file's identity (inode,
 * size, mtime — an atomic write is a new inode). The folder's own mtime moves on every save,
 * rename and delete by any process, so an unchanged folder needs one stat; a changed one needs a
 * stat per file and a read of only the files that changed. The files stay the truth: the cache
 * can be lost or stale (a crash between a save and its persist) and the next scan corrects it.
 */
export class DraftIndex {
  private entries = new Map<string, IndexEntry>()
  private loaded?: Promise<void>
  /** The folder's mtime when the entries were last known to match it; unset: scan. */
  private trustedDirMtime?: bigint
  private persistedDirMtime?: bigint
  private persistTimer?: NodeJS.Timeout
  private scanning?: Promise<void>

  constructor(
    private readonly fs: FsLayer,
    private readonly files: DraftFiles,
    private readonly cacheFile: string | null,
    /** The cache is not the writer's data: written apart from the store's own recorded disk calls. */
    private readonly cacheFs: FsLayer,
  ) {}

  /** Every readable draft, checked against the disk. */
  async current(): Promise<IndexEntry[]> {
    this.loaded ??= this.load()
    await this.loaded
    const dir = await this.fs.stat(this.files.dir)
    if (dir === undefined) {
      this.entries.clear()
      return []
    }
    if (this.trustedDirMtime !== dir.mtimeNs) {
      // One scan at a time; a caller arriving mid-scan waits for it and checks again.
      while (this.scanning) await this.scanning
      if (this.trustedDirMtime !== dir.mtimeNs) {
        this.scanning = this.scan().finally(() => (this.scanning = undefined))
        await this.scanning
      }
    }
    return [...this.entries.values()]
  }

  /** Told by the store after its own durable write: the entry is fresh, the folder must be rechecked. */
  async wrote(draft: Draft): Promise<void> {
    this.trustedDirMtime = undefined
    const sig = await this.fs.stat(this.files.path(draft.id)).catch(() => undefined)
    if (sig) this.entries.set(draft.id, { sig: sigOf(sig), summary: summarize(draft), text: searchText(draft) })
    else this.entries.delete(draft.id)
    this.schedulePersist()
  }

  /** Writes the cache now (the app calls this when quitting). */
  async flush(): Promise<void> {
    if (this.persistTimer === undefined) return
    clearTimeout(this.persistTimer)
    this.persistTimer = undefined
    // Checked once more so the cache can say which folder state it matches: the next start then
    // needs no stat per file.
    await this.current().catch(() => {})
    await this.persist()
  }

  private async scan(): Promise<void> {
    const before = await this.fs.stat(this.files.dir)
    const ids = await this.files.ids()
    const present = new Set(ids)
    let changed = false
    for (const id of this.entries.keys())
      if (!present.has(id)) {
        this.entries.delete(id)
        changed = true
      }
    for (let i = 0; i < ids.length; i += STAT_BATCH) {
      const batch = ids.slice(i, i + STAT_BATCH)
      const sigs = await Promise.all(batch.map((id) => this.fs.stat(this.files.path(id)).catch(() => undefined)))
      for (const [k, id] of batch.entries()) {
        const sig = sigs[k] && sigOf(sigs[k])
        if (sig !== undefined && this.entries.get(id)?.sig === sig) continue
        changed = true
        // A damaged file is reported and set aside by read(); the rest of the list still shows.
        const { draft } = await this.files.read(id).catch(() => ({ draft: undefined }))
        if (draft && sig !== undefined)
          this.entries.set(id, { sig, summary: summarize(draft), text: searchText(draft) })
        else this.entries.delete(id)
      }
    }
    if (before && BigInt(Date.now()) * 1_000_000n - before.mtimeNs > RACY_NS) this.trustedDirMtime = before.mtimeNs
    else this.trustedDirMtime = undefined
    if (changed || this.trustedDirMtime !== this.persistedDirMtime) this.schedulePersist()
  }

  private async load(): Promise<void> {
    if (!this.cacheFile) return
    try {
      const file = JSON.parse(new TextDecoder().decode(await this.cacheFs.readFile(this.cacheFile))) as IndexFile
      if (file.version !== 1 || !Array.isArray(file.entries)) return
      for (const [id, sig, summary, text] of file.entries)
        if (typeof id === 'string' && typeof sig === 'string' && typeof text === 'string' && summary?.id === id)
          this.entries.set(id, { sig, summary, text })
      // Any process's save, rename or removal moves the folder's mtime, so an equal one means the
      // entries still match (drafts are only ever replaced by rename, never edited in place).
      if (typeof file.dirMtimeNs === 'string' && /^\d+$/.test(file.dirMtimeNs))
        this.trustedDirMtime = this.persistedDirMtime = BigInt(file.dirMtimeNs)
    } catch {
      // No cache yet, or a damaged one: it is only a cache, the scan rebuilds it from the drafts.
      this.entries.clear()
    }
  }

  private schedulePersist(): void {
    if (!this.cacheFile || this.persistTimer !== undefined) return
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined
      void this.persist()
    }, PERSIST_DELAY_MS)
    this.persistTimer.unref()
  }

  private async persist(): Promise<void> {
    if (!this.cacheFile) return
    const file: IndexFile = {
      version: 1,
      ...(this.trustedDirMtime !== undefined ? { dirMtimeNs: String(this.trustedDirMtime) } : {}),
      entries: [...this.entries].map(([id, e]) => [id, e.sig, e.summary, e.text]),
    }
    this.persistedDirMtime = this.trustedDirMtime
    try {
      await this.cacheFs.mkdir(dirname(this.cacheFile))
      await atomicWrite(this.cacheFs, this.cacheFile, JSON.stringify(file))
    } catch {
      // A cache that cannot be written costs a slower next start, nothing else.
    }
  }
}
