import { appendFile, mkdir, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { WireEntry } from '../../../shared/wire'

const KEEP_IN_MEMORY = 200
const ROTATE_AT_BYTES = 20 * 1024 * 1024

/**
 * The recent exchanges for the inspector (in memory) and `logs/wire.log` (JSON lines, rotated once
 * at 20 MB). Entries arrive already redacted by the client's redactor; nothing here sees secrets.
 */
export class WireLogStore {
  private readonly entries: WireEntry[] = []
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly dataDir: string,
    private readonly onEntry: (entry: WireEntry) => void,
  ) {}

  record(entry: WireEntry): void {
    this.entries.push(entry)
    if (this.entries.length > KEEP_IN_MEMORY) this.entries.shift()
    this.onEntry(entry)
    this.writing = this.writing
      .then(() => this.append(entry))
      .catch(() => {
        // The wire log is a diagnostic; a full disk must not fail the publish it describes.
      })
  }

  /** Newest first. */
  list(): WireEntry[] {
    return [...this.entries].reverse()
  }

  flush(): Promise<void> {
    return this.writing
  }

  private async append(entry: WireEntry): Promise<void> {
    const dir = join(this.dataDir, 'logs')
    const file = join(dir, 'wire.log')
    await mkdir(dir, { recursive: true })
    const size = (await stat(file).catch(() => null))?.size ?? 0
    if (size > ROTATE_AT_BYTES) await rename(file, join(dir, 'wire.1.log'))
    await appendFile(file, JSON.stringify(entry) + '\n', { mode: 0o600 })
  }
}
