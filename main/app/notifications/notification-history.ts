import { randomUUID } from 'node:crypto'
import { appendFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Notice, NoticeEntry } from '../../../shared/api'
import { atomicWrite } from '../../store/atomic-write'
import { nodeFs } from '../../store/fs-layer'

/** How many the history shows; the file may hold up to twice as many before it is trimmed. */
export const NOTICES_KEPT = 300
const TEXT_CAP = 2000

export const NOTICES_FILE = 'notifications.jsonl'

/**
 * The notification history: every `notification` event the core emits, as JSON lines in the data
 * folder. Appends (O_APPEND, one line per write) let the app and a CLI on the same folder both add
 * to it; past twice NOTICES_KEPT the file is rewritten atomically with the newest NOTICES_KEPT.
 * A diagnostic, like the wire log: a full disk loses history, never the work it describes.
 */
export class NoticeHistory {
  private writing: Promise<void> = Promise.resolve()
  private lines: number | undefined

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get file(): string {
    return join(this.dataDir, NOTICES_FILE)
  }

  record(n: Notice): NoticeEntry {
    const entry: NoticeEntry = {
      ...n,
      title: n.title.slice(0, TEXT_CAP),
      ...(n.body !== undefined ? { body: n.body.slice(0, TEXT_CAP) } : {}),
      id: randomUUID(),
      at: this.now().toISOString(),
    }
    this.writing = this.writing.then(() => this.append(entry)).catch(() => {})
    return entry
  }

  /** Newest first; waits for this process's own appends so a just-recorded notice is listed. */
  async list(): Promise<NoticeEntry[]> {
    await this.writing
    return (await this.readAll()).slice(-NOTICES_KEPT).reverse()
  }

  async clear(): Promise<number> {
    await this.writing
    const had = (await this.readAll()).length
    const done = this.writing.then(() => atomicWrite(nodeFs, this.file, ''))
    this.writing = done.catch(() => {})
    await done
    this.lines = 0
    return Math.min(had, NOTICES_KEPT)
  }

  private async append(entry: NoticeEntry): Promise<void> {
    await appendFile(this.file, JSON.stringify(entry) + '\n', { mode: 0o600 })
    this.lines = (this.lines ?? (await this.readAll()).length - 1) + 1
    if (this.lines <= 2 * NOTICES_KEPT) return
    const keep = (await this.readAll()).slice(-NOTICES_KEPT)
    await atomicWrite(nodeFs, this.file, keep.map((e) => JSON.stringify(e) + '\n').join(''))
    this.lines = keep.length
  }

  private async readAll(): Promise<NoticeEntry[]> {
    const text = await readFile(this.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return ''
      throw e
    })
    return text.split('\n').flatMap(parseLine)
  }
}

/** A torn last line (a crash mid-append) or a hand-edited one is skipped, not fatal. */
function parseLine(line: string): NoticeEntry[] {
  if (!line.trim()) return []
  try {
    const v = JSON.parse(line) as Partial<NoticeEntry>
    const ok = typeof v.id === 'string' && typeof v.at === 'string' && typeof v.title === 'string'
    return ok && isLevel(v.level) ? [v as NoticeEntry] : []
  } catch {
    return []
  }
}

function isLevel(v: unknown): v is Notice['level'] {
  return v === 'info' || v === 'success' || v === 'warning' || v === 'error'
}
