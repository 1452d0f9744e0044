import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Draft, DraftInput, DraftSummary, PublishRecord } from '../../shared/model'
import { applyAmendment, type DraftAmendment } from './draft-amend'
import { exportDraftFiles } from './draft-export'
import { DraftFiles, type DraftProblem } from './draft-files'
import type { DraftVersion, DraftVersionText } from '../../shared/draft-history'
import { DraftHistory, type HistoryPolicy } from './draft-history'
import { applyPostFields } from './draft-post-fields'
import { validateDraftInput, validatePublishRecord } from './draft-shape'
import { DraftIndex } from './draft-index'
import { ensureDir, nodeFs, type FsLayer } from './fs-layer'
import { KeyedQueue } from './keyed-queue'
import { matchesQuery, type DraftQuery } from './draft-query'
import { diskError, invalidInput, isErrno, StoreError } from './store-error'

export type { DraftAmendment } from './draft-amend'
export type { DraftProblem } from './draft-files'
export type { HistoryPolicy } from './draft-history'
export type { DraftQuery } from './draft-query'

export interface DraftStoreOptions {
  fs?: FsLayer
  now?: () => Date
  newId?: () => string
  /** Told about every damaged or unreadable draft file (skipped, kept aside, never deleted). */
  onProblem?: (problem: DraftProblem) => void
  /** The list's cache (default `<data>/cache/drafts-index.json`); null keeps it in memory only. */
  indexFile?: string | null
  /** How long every version is kept before thinning to one a day (read at each save: a setting). */
  historyPolicy?: () => HistoryPolicy
}

const defaultPolicy: HistoryPolicy = { keepAllDays: 30 }

/**
 * Drafts in `<data>/drafts/<id>.json`. Every save is durable before it resolves (atomicWrite), so
 * "Saved" is never shown for bytes that are not on disk; saves of one draft run in call order.
 */
export class DraftStore {
  private readonly fs: FsLayer
  private readonly files: DraftFiles
  private readonly index: DraftIndex
  private readonly history: DraftHistory
  private readonly queue = new KeyedQueue()
  private readonly now: () => Date
  private readonly newId: () => string
  private dirReady?: Promise<void>

  constructor(dataDir: string, options: DraftStoreOptions = {}) {
    this.fs = options.fs ?? nodeFs
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomUUID
    this.files = new DraftFiles(this.fs, join(dataDir, 'drafts'), options.onProblem ?? (() => {}), this.now)
    const indexFile = options.indexFile === undefined ? join(dataDir, 'cache', 'drafts-index.json') : options.indexFile
    this.index = new DraftIndex(this.fs, this.files, indexFile, nodeFs)
    const policy = options.historyPolicy ?? (() => defaultPolicy)
    this.history = new DraftHistory(this.fs, join(dataDir, 'history'), policy, this.now)
  }

  get dir(): string {
    return this.files.dir
  }

  /** A new draft with a fresh id. */
  create(input: DraftInput): Promise<Draft> {
    if ((input as { id?: unknown })?.id !== undefined)
      return Promise.reject(invalidInput('A new draft cannot come with an id; use save to update one.'))
    return this.save(input)
  }

  /**
   * Creates (no id, or an id not on disk) or updates a draft; resolves once it is durable. `extra`
   * sets app-owned fields in the same write (a draft opened from a server is never on disk without
   * its base, which would make its first publish a new post).
   */
  save(input: DraftInput, extra?: DraftAmendment): Promise<Draft> {
    let valid: DraftInput
    try {
      valid = validateDraftInput(input)
    } catch (e) {
      return Promise.reject(e)
    }
    const id = valid.id ?? this.newId()
    return this.change(id, (old, now) => {
      const next: Draft = {
        ...old, // fields this version does not know about survive a save
        id,
        kind: valid.kind,
        format: valid.format,
        title: valid.title,
        body: valid.body,
        accountId: valid.accountId !== undefined ? valid.accountId : (old?.accountId ?? null),
        ...pick('relativePath', valid.relativePath ?? old?.relativePath),
        ...pick('mimeType', valid.mimeType ?? old?.mimeType),
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
        revision: (old?.revision ?? 0) + 1,
        published: old?.published ?? [],
      }
      if (valid.inResponseTo !== undefined) next.inResponseTo = valid.inResponseTo
      applyPostFields(next, valid)
      return extra ? applyAmendment(next, extra) : next
    })
  }

  /**
   * Changes app-owned fields (base, conflict, enclosures; the text when a conflict is resolved) of
   * an existing draft. `make` sees the draft as on disk, inside this draft's save order, so two
   * attachments never overwrite each other's list. Durable before it resolves, like save.
   */
  amend(id: string, make: (draft: Draft) => DraftAmendment): Promise<Draft> {
    return this.change(id, (old, now) => {
      if (!old) throw new StoreError('not-found', 'ENOENT', `There is no draft with id ${id}.`)
      return { ...applyAmendment(old, make(old)), updatedAt: now, revision: old.revision + 1 }
    })
  }

  /** The draft, undefined when there is none; a damaged file rejects with code ECORRUPT. */
  async get(id: string): Promise<Draft | undefined> {
    const { draft, problem } = await this.files.read(id)
    if (problem) throw corrupt(problem)
    return draft
  }

  /** Newest first; `text` matches title and body, ignoring case and diacritics, every word. */
  async list(query: DraftQuery = {}): Promise<DraftSummary[]> {
    const found = (await this.index.current()).filter((e) => matchesQuery(e.summary, e.text, query))
    return found
      .map((e) => e.summary)
      .sort((a, b) => (b.updatedAt < a.updatedAt ? -1 : b.updatedAt > a.updatedAt ? 1 : a.id < b.id ? -1 : 1))
  }

  /** Keeps what was published where; the text and updatedAt stay as the writer left them. */
  async recordPublish(id: string, record: PublishRecord): Promise<Draft> {
    const valid = validatePublishRecord(record)
    return this.change(id, (old) => {
      if (!old) throw new StoreError('not-found', 'ENOENT', `There is no draft with id ${id}.`)
      return { ...old, revision: old.revision + 1, published: [...old.published, valid] }
    })
  }

  /** The texts this draft had before, newest first (each durable save keeps the one it replaced). */
  versions(id: string): Promise<DraftVersion[]> {
    return this.history.list(id)
  }

  version(id: string, key: string): Promise<DraftVersionText | undefined> {
    return this.history.version(id, key)
  }

  /** Writes the draft as `<title>-<id>.<html|md|txt>` and `.json` into `dir`; returns the paths. */
  async exportDraft(id: string, dir: string): Promise<string[]> {
    const draft = await this.get(id)
    if (!draft) throw new StoreError('not-found', 'ENOENT', `There is no draft with id ${id}.`)
    return exportDraftFiles(this.fs, draft, dir)
  }

  async exportAll(dir: string): Promise<string[]> {
    const paths: string[] = []
    for (const draft of await this.all()) paths.push(...(await exportDraftFiles(this.fs, draft, dir)))
    return paths
  }

  /** Settles when every save asked for so far has settled: the app waits on this before quitting. */
  async flush(): Promise<void> {
    await this.queue.idle()
    await this.index.flush()
  }

  private change(id: string, make: (old: Draft | undefined, now: string) => Draft): Promise<Draft> {
    return this.queue.run(id, async () => {
      try {
        await this.ensureDir()
        const { draft: old } = await this.files.read(id)
        const next = make(old, this.now().toISOString())
        // The text being replaced is on disk in the history before the draft file changes.
        await this.history.keep(old, next)
        await this.files.write(next)
        await this.index.wrote(next)
        return next
      } catch (e) {
        throw isErrno(e) ? diskError(e) : e
      }
    })
  }

  private ensureDir(): Promise<void> {
    this.dirReady ??= ensureDir(this.fs, this.files.dir).catch((e) => {
      this.dirReady = undefined // a later save tries again (the disk may have been remounted)
      throw e
    })
    return this.dirReady
  }

  private async all(): Promise<Draft[]> {
    const drafts: Draft[] = []
    for (const id of await this.files.ids()) {
      // A file that cannot be used has been reported by read(); the rest of the list still shows.
      const { draft } = await this.files.read(id).catch(() => ({ draft: undefined }))
      if (draft) drafts.push(draft)
    }
    return drafts
  }
}

const pick = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, string>)

const corrupt = (p: DraftProblem): StoreError =>
  new StoreError(
    'storage',
    'ECORRUPT',
    `The draft file ${p.file} is damaged (${p.reason}); it was kept as ${p.keptAs} and is not used.`,
    { file: p.file, keptAs: p.keptAs ?? null },
  )

/** The store for a data directory, with the real disk. */
export const openDraftStore = (dataDir: string, options?: DraftStoreOptions): DraftStore =>
  new DraftStore(dataDir, options)
