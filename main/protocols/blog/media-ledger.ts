/**
 * What was uploaded where: per blog (blogKeyOf), the content hash of each file → the URL the
 * blog returned. Lets a post's images go up once per blog, however many posts or edits use them.
 * The app keeps it in its store; memoryMediaLedger serves tests and one-off runs.
 */
export interface MediaRecord {
  url: string
  name: string
  type: string
  size: number
  uploadedAt: string
}

export interface MediaLedger {
  lookup(blogKey: string, sha256: string): Promise<MediaRecord | undefined>
  remember(blogKey: string, sha256: string, record: MediaRecord): Promise<void>
}

export function memoryMediaLedger(): MediaLedger & { size(): number } {
  const records = new Map<string, MediaRecord>()
  return {
    lookup: async (blogKey, sha256) => records.get(`${blogKey}\n${sha256}`),
    remember: async (blogKey, sha256, record) => void records.set(`${blogKey}\n${sha256}`, record),
    size: () => records.size,
  }
}
