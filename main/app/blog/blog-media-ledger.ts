import type { MediaLedger, MediaRecord, PendingUpload } from '../../protocols/blog/media-ledger'
import { blogFile, readBlogJson, updateBlogJson } from './blog-files'

/** blogKey (endpoint#blogid) → content hash → what the blog answered for those bytes. */
interface LedgerFile {
  blogs: Record<string, Record<string, MediaRecord>>
  /** Uploads sent whose answer never came: looked up on the blog before any re-send. */
  sending?: Record<string, Record<string, PendingUpload>>
}

type Table<T> = Record<string, Record<string, T>>
const tableOf = <T>(v: unknown): Table<T> => (v && typeof v === 'object' ? (v as Table<T>) : {})

function withEntry<T>(table: Table<T>, blogKey: string, sha256: string, value: T | undefined): Table<T> {
  const row = { ...(table[blogKey] ?? {}) }
  if (value === undefined) delete row[sha256]
  else row[sha256] = value
  return { ...table, [blogKey]: row }
}

/**
 * The media ledger of one blog account, on disk at `<data>/blogs/<accountId>/media.json`: each
 * upload is remembered durably before the post that uses it goes out, so a file goes up once per
 * blog across posts, edits, retries and restarts. Keyed by blog inside, so moving the account to
 * another blog or endpoint uploads again there rather than linking to the other blog's copy.
 * An upload is marked "sent, answer unknown" (sending) before its bytes leave.
 */
export function fileMediaLedger(dataDir: string, accountId: string): MediaLedger {
  const file = blogFile(dataDir, accountId, 'media.json')
  return {
    async lookup(blogKey, sha256) {
      const ledger = await readBlogJson<LedgerFile>(file)
      const record = ledger?.blogs?.[blogKey]?.[sha256]
      return record && typeof record.url === 'string' ? record : undefined
    },
    async remember(blogKey, sha256, record) {
      await updateBlogJson<LedgerFile>(file, (old) => ({
        blogs: withEntry(tableOf<MediaRecord>(old?.blogs), blogKey, sha256, record),
        sending: withEntry(tableOf<PendingUpload>(old?.sending), blogKey, sha256, undefined),
      }))
    },
    async markSending(blogKey, sha256, pending) {
      await updateBlogJson<LedgerFile>(file, (old) => ({
        blogs: tableOf<MediaRecord>(old?.blogs),
        sending: withEntry(tableOf<PendingUpload>(old?.sending), blogKey, sha256, pending),
      }))
    },
    async pending(blogKey, sha256) {
      const p = tableOf<PendingUpload>((await readBlogJson<LedgerFile>(file))?.sending)[blogKey]?.[sha256]
      return p && typeof p.name === 'string' ? p : undefined
    },
  }
}
