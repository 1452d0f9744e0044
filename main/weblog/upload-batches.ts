import { saveMultipleFiles } from '../protocols/save-multiple-files'
import type { CommunityMember } from '../protocols/community-session'
import type { LocalFile } from './site-scan'
import { cancelled, describeFailure, reasonFor, stopsTheRun, type FileResult, type SyncStop } from './sync-outcome'
import type { SyncState } from './sync-state'
import type { JournalEntry } from './sync-journal'

export interface UploadRun {
  member: CommunityMember
  state: SyncState
  batches: readonly (readonly LocalFile[])[]
  /** Bytes of file content confirmed so far, of the total. */
  onProgress?: (sent: number, total: number) => void
  signal?: AbortSignal
  now?: () => Date
}

/**
 * Sends each batch in one saveMultipleFiles call and records, durably after each answer, every
 * file the server confirmed with the URL it returned. Failed files are not recorded, so the next
 * sync sends exactly those again. Bytes are hashed as read: what is recorded is what was sent.
 */
export async function uploadBatches(run: UploadRun): Promise<{ results: FileResult[]; calls: number; stop?: SyncStop }> {
  const now = run.now ?? (() => new Date())
  const total = run.batches.flat().reduce((n, f) => n + f.size, 0)
  const results: FileResult[] = []
  let done = 0
  let calls = 0
  let lastRefusal: string | undefined
  for (const [i, batch] of run.batches.entries()) {
    const files = await readBatch(batch, results)
    if (files.length === 0) continue
    const batchBytes = files.reduce((n, f) => n + f.bytes.length, 0)
    if (run.signal?.aborted) return { results, calls, stop: cancelled([...files.map((f) => f.path), ...run.batches.slice(i + 1).flat().map((f) => f.path)]) }
    try {
      calls++
      const saved = await saveMultipleFiles(
        run.member,
        files.map((f) => ({ path: f.path, bytes: f.bytes })),
        { signal: run.signal, onUploadProgress: (sent, of) => run.onProgress?.(done + Math.floor((batchBytes * sent) / Math.max(of, 1)), total) },
      )
      const at = now().toISOString()
      const confirmed: JournalEntry[] = []
      saved.files.forEach((s, k) => {
        const f = files[k]
        if (s.ok) confirmed.push({ op: 'put', path: f.path, hash: f.hash, size: f.bytes.length, url: s.url, at })
        results.push(s.ok ? { path: f.path, op: 'upload', ok: true, url: s.url, bytes: f.bytes.length } : { path: f.path, op: 'upload', ok: false, error: reasonFor(saved.message, f.path) })
      })
      await run.state.record(confirmed)
      lastRefusal = undefined
    } catch (e) {
      const error = describeFailure(e, 'xmlStorageSystem.saveMultipleFiles', run.member.client.url)
      // The same refusal twice in a row is about the account, not these files: stop asking.
      if (stopsTheRun(e) || error.message === lastRefusal) {
        const pending = [...files.map((f) => f.path), ...run.batches.slice(i + 1).flat().map((f) => f.path)]
        return { results, calls, stop: { error, pending } }
      }
      lastRefusal = error.message
      for (const f of files) results.push({ path: f.path, op: 'upload', ok: false, error: error.message })
    }
    done += batchBytes
    run.onProgress?.(done, total)
  }
  return { results, calls }
}

async function readBatch(batch: readonly LocalFile[], results: FileResult[]): Promise<{ path: string; bytes: Buffer; hash: string }[]> {
  const read = await Promise.all(
    batch.map((f) =>
      f.read().then(
        (r) => ({ path: f.path, ...r }),
        (e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e
          results.push({ path: f.path, op: 'upload', ok: false, error: 'The file was removed from the site folder during the sync; it will be deleted from the server next time.' })
          return null
        },
      ),
    ),
  )
  return read.filter((f) => f !== null)
}
