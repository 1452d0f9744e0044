import type { MediaLedger, MediaRecord } from '../../protocols/blog/media-ledger'
import { blogFile, readBlogJson, updateBlogJson } from './blog-files'

/** blogKey (endpoint#blogid) → content hash → what the blog answered for those bytes. */
interface LedgerFile {
  blogs: Record<string, Record<string, MediaRecord>>
}

/**
 * The media ledger of one blog account, on disk at `<data>/blogs/<accountId>/media.json`: each
 * upload is remembered durably before the post that uses it goes out, so a file goes up once per
 * blog across posts, edits, retries and restarts. Keyed by blog inside, so moving the account to
 * another blog or endpoint uploads again there rather than linking to the other blog's copy.
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
      await updateBlogJson<LedgerFile>(file, (old) => {
        const blogs = old && typeof old.blogs === 'object' && old.blogs !== null ? old.blogs : {}
        return { blogs: { ...blogs, [blogKey]: { ...(blogs[blogKey] ?? {}), [sha256]: record } } }
      })
    },
  }
}
