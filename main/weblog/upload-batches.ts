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
  // The next batch is read from disk while the server works on this one.
  let reading: Promise<ReadBatch> | undefined = run.batches.length > 0 ? readBatch(run.batches[0]) : undefined
  for (let i = 0; i < run.batches.length; i++) {
    const { files, gone } = await reading!
    results.push(...gone)
    reading = i + 1 < run.batches.length ? readBatch(run.batches[i + 1]) : undefined
    reading?.catch(() => undefined) // awaited next round; not left unhandled if this round stops the run
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

type ReadBatch = { files: { path: string; bytes: Buffer; hash: string }[]; gone: FileResult[] }

async function readBatch(batch: readonly LocalFile[]): Promise<ReadBatch> {
  const out: ReadBatch = { files: [], gone: [] }
  const read = await Promise.all(batch.map((f) => f.read().then((r) => ({ path: f.path, ...r }), (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)))))
  read.forEach((r, k) => {
    if (r) out.files.push(r)
    else out.gone.push({ path: batch[k].path, op: 'upload', ok: false, error: 'The file was removed from the site folder during the sync; it will be deleted from the server next time.' })
  })
  return out
}
