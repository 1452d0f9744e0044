import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ServerProfile } from '../../shared/server-profile'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'
import { SiteDataError } from './site-data-error'
import type { SiteLocations } from './site-locations'
import { appendJournal, clearJournal, readJournal, type JournalEntry } from './sync-journal'

/** A file as the server last confirmed it. */
export interface SyncedFile {
  hash: string
  size: number
  /** The URL the server returned (it may have renamed the path); null when it gave none. */
  url: string | null
  at: string
}

/** Which server and member the files went to, and what that server is like. */
export interface SyncServer {
  endpoint: string
  usernum: string | number
  folderUrl: string | null
  profile: ServerProfile | null
}

interface StateFile {
  version: 1
  server: SyncServer | null
  lastSyncAt: string | null
  files: Record<string, SyncedFile>
}

/**
 * What the server holds of this site, per account: content hash, size and returned URL per path.
 * Kept as a compacted file plus a journal of confirmations since (./sync-journal).
 */
export class SyncState {
  /** Something is not in the state file yet: a replayed journal, a confirmation, a reset. */
  private unsaved = false

  private constructor(
    private readonly loc: SiteLocations,
    public server: SyncServer | null,
    public lastSyncAt: string | null,
    readonly files: Map<string, SyncedFile>,
  ) {}

  static async open(loc: SiteLocations): Promise<SyncState> {
    let raw: StateFile | undefined
    try {
      raw = JSON.parse(await readFile(loc.state, 'utf8')) as StateFile
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new SiteDataError(
          `The sync state ${loc.state} cannot be read (${(e as Error).message}). Move it aside to upload the whole site again.`,
        )
    }
    if (raw !== undefined && (raw.version !== 1 || typeof raw.files !== 'object' || raw.files === null))
      throw new SiteDataError(`The sync state ${loc.state} is not one this version knows.`)
    const state = new SyncState(
      loc,
      raw?.server ?? null,
      raw?.lastSyncAt ?? null,
      new Map(Object.entries(raw?.files ?? {})),
    )
    const journal = await readJournal(loc.journal)
    for (const e of journal) state.apply(e)
    state.unsaved = journal.length > 0
    return state
  }

  /** The files are only known to be on this server, for this member: any other starts empty. */
  belongsTo(endpoint: string, usernum: string | number): boolean {
    return this.server !== null && this.server.endpoint === endpoint && String(this.server.usernum) === String(usernum)
  }

  private appending: Promise<unknown> = Promise.resolve()

  /** Durable before it resolves: written to the journal, then applied. Appends run one at a time. */
  record(entries: readonly JournalEntry[]): Promise<void> {
    const next = this.appending.then(async () => {
      await appendJournal(this.loc.journal, entries)
      for (const e of entries) this.apply(e)
      if (entries.length > 0) this.unsaved = true
    })
    this.appending = next.catch(() => undefined)
    return next
  }

  /** Folds the journal into the state file (atomically), then drops the journal. */
  async compact(): Promise<void> {
    await this.write()
    this.unsaved = false
  }

  /** compact() when anything changed since the file was written (a no-change sync writes nothing). */
  async compactIfChanged(): Promise<void> {
    if (this.unsaved) await this.compact()
  }

  /** Fields outside the journal (server, lastSyncAt) were changed: write them at the next compactIfChanged. */
  markChanged(): void {
    this.unsaved = true
  }

  private async write(): Promise<void> {
    const files: Record<string, SyncedFile> = {}
    for (const path of [...this.files.keys()].sort()) files[path] = this.files.get(path)!
    const body: StateFile = { version: 1, server: this.server, lastSyncAt: this.lastSyncAt, files }
    await ensureDir(nodeFs, dirname(this.loc.state))
    await atomicWrite(nodeFs, this.loc.state, JSON.stringify(body))
    await clearJournal(this.loc.journal)
  }

  /** Starts over for another server or member, in memory only (a dry run). */
  startOver(server: SyncServer): void {
    this.files.clear()
    this.server = server
    this.lastSyncAt = null
  }

  /** Starts over for another server or member, durably: nothing of this site is known to be there. */
  async reset(server: SyncServer): Promise<void> {
    this.startOver(server)
    await this.compact()
  }

  private apply(e: JournalEntry): void {
    if (e.op === 'put') this.files.set(e.path, { hash: e.hash, size: e.size, url: e.url, at: e.at })
    else this.files.delete(e.path)
  }
}
