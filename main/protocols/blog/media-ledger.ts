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

/** An upload that left with no answer yet: "sent, answer unknown" until remember() replaces it. */
export interface PendingUpload {
  name: string
  type: string
  size: number
  sentAt: string
}

export interface MediaLedger {
  lookup(blogKey: string, sha256: string): Promise<MediaRecord | undefined>
  /** Records the answer; clears the pending mark. */
  remember(blogKey: string, sha256: string, record: MediaRecord): Promise<void>
  /** Written durably right before the bytes leave, so a lost answer is known as one after a crash too. */
  markSending(blogKey: string, sha256: string, pending: PendingUpload): Promise<void>
  pending(blogKey: string, sha256: string): Promise<PendingUpload | undefined>
}

export function memoryMediaLedger(): MediaLedger & { size(): number } {
  const records = new Map<string, MediaRecord>()
  const sending = new Map<string, PendingUpload>()
  const key = (blogKey: string, sha256: string) => `${blogKey}\n${sha256}`
  return {
    lookup: async (blogKey, sha256) => records.get(key(blogKey, sha256)),
    remember: async (blogKey, sha256, record) => {
      records.set(key(blogKey, sha256), record)
      sending.delete(key(blogKey, sha256))
    },
    markSending: async (blogKey, sha256, p) => void sending.set(key(blogKey, sha256), p),
    pending: async (blogKey, sha256) => sending.get(key(blogKey, sha256)),
    size: () => records.size,
  }
}
