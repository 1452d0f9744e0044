import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { DraftVersion, DraftVersionText } from '../../shared/draft-history'
import type { Draft } from '../../shared/model'
import { atomicWrite } from './atomic-write'
import { ensureDir, type FsLayer } from './fs-layer'
import { isPidAlive } from './pid-alive'
import { isErrno } from './store-error'
import { parseTempName } from './temp-names'

export interface HistoryPolicy {
  /** Every version younger than this is kept; older ones thin out to the newest of each day. */
  keepAllDays: number
}

const SUFFIX = '.json.gz'
/** revision, saved-at ms, published mark. */
const keyPattern = /^(\d+)-[0-9a-f]{16}-(\d+)(-p)?$/
const DAY_MS = 86_400_000

/**
 * Every text a draft had, in `<data>/history/<draft id>/<revision>-<hash>.json.gz` (gzip, one file
 * per distinct text: the same title and body is kept once). A version is written, durably, before
 * the save that replaces it touches the draft file, so a crash at any moment leaves each confirmed
 * text either as the draft or in its history (main/store/crashtest.test.ts checks it).
 */
export class DraftHistory {
  constructor(
    private readonly fs: FsLayer,
    readonly dir: string,
    private readonly policy: () => HistoryPolicy,
    private readonly now: () => Date,
  ) {}

  /** Called inside the draft's save order, before `next` is written. */
  async keep(old: Draft | undefined, next: Draft): Promise<void> {
    if (!old || (old.title === next.title && old.body === next.body && old.format === next.format)) return
    const dir = join(this.dir, old.id)
    const hash = textHash(old)
    const names = await this.names(old.id)
    if (!names.some((n) => n.includes(`-${hash}-`))) {
      await ensureDir(this.fs, dir)
      const published = old.published.some((p) => p.at >= old.updatedAt)
      const version: Omit<DraftVersionText, 'key' | 'chars'> = {
        revision: old.revision,
        at: old.updatedAt,
        title: old.title,
        body: old.body,
        format: old.format,
        published,
      }
      const key = `${old.revision}-${hash}-${Date.parse(old.updatedAt)}${published ? '-p' : ''}`
      await atomicWrite(this.fs, join(dir, key + SUFFIX), gzipSync(JSON.stringify(version)))
    }
    await this.prune(old.id, names)
  }

  /** Newest first. */
  async list(id: string): Promise<DraftVersion[]> {
    const versions: DraftVersionText[] = []
    for (const name of await this.names(id)) {
      const v = await this.read(id, name).catch(() => undefined) // a damaged file is skipped, not fatal
      if (v) versions.push(v)
    }
    return versions
      .map(({ key, revision, at, title, chars, published }) => ({ key, revision, at, title, chars, published }))
      .sort((a, b) => b.revision - a.revision)
  }

  async version(id: string, key: string): Promise<DraftVersionText | undefined> {
    if (!keyPattern.test(key)) return undefined
    return this.read(id, key + SUFFIX).catch((e) => {
      if (isErrno(e) && e.code === 'ENOENT') return undefined
      throw e
    })
  }

  /** Older than the policy's window: the newest version of each day stays, and every published one. */
  /** From the names alone (no file is read): a save stays cheap however long the history. */
  private async prune(id: string, names: string[]): Promise<void> {
    const cutoff = this.now().getTime() - this.policy().keepAllDays * DAY_MS
    const old = names
      .map((name) => ({ name, m: keyPattern.exec(name.slice(0, -SUFFIX.length)) }))
      .filter((v) => v.m && Number(v.m[2]) < cutoff)
      .sort((a, b) => Number(b.m![1]) - Number(a.m![1]))
    const seenDays = new Set<string>()
    for (const { name, m } of old) {
      const day = new Date(Number(m![2])).toISOString().slice(0, 10)
      if (m![3] || !seenDays.has(day)) {
        seenDays.add(day)
        continue
      }
      await this.fs.unlink(join(this.dir, id, name)).catch(() => {})
    }
  }

  private async read(id: string, name: string): Promise<DraftVersionText> {
    const raw = JSON.parse(gunzipSync(await this.fs.readFile(join(this.dir, id, name))).toString('utf8'))
    return { ...raw, key: name.slice(0, -SUFFIX.length), chars: String(raw.body ?? '').length }
  }

  private async names(id: string): Promise<string[]> {
    const names = await this.fs.readdir(join(this.dir, id)).catch((e) => {
      if (isErrno(e) && e.code === 'ENOENT') return [] as string[]
      throw e
    })
    for (const name of names) {
      const temp = parseTempName(name)
      // A writer killed mid-write leaves its temp file; only a dead writer's, never a live one's.
      if (temp && temp.pid !== process.pid && !isPidAlive(temp.pid))
        await this.fs.unlink(join(this.dir, id, name)).catch(() => {})
    }
    return names.filter((n) => n.endsWith(SUFFIX) && !n.startsWith('.'))
  }
}

const textHash = (d: Draft): string =>
  createHash('sha256')
    .update(JSON.stringify([d.format, d.title, d.body]))
    .digest('hex')
    .slice(0, 16)
