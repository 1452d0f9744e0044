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
  /** Requests in flight at once (default 2): the server decodes one while it stores the other. */
  window?: number
  /** Bytes of file content confirmed so far, of the total. */
  onProgress?: (sent: number, total: number) => void
  signal?: AbortSignal
  now?: () => Date
}

type Read = { path: string; bytes: Buffer; hash: string }

/**
 * Sends each batch in one saveMultipleFiles call and records, durably after each answer, every
 * file the server confirmed with the URL it returned. Failed files are not recorded, so the next
 * sync sends exactly those again. Bytes are hashed as read: what is recorded is what was sent.
 * Up to `window` calls overlap, but the last batch (the home page and the feed) leaves only once
 * everything before it is confirmed, so the home page never links to what is not there yet.
 */
export async function uploadBatches(
  run: UploadRun,
): Promise<{ results: FileResult[]; calls: number; stop?: SyncStop }> {
  const now = run.now ?? (() => new Date())
  const total = run.batches.flat().reduce((n, f) => n + f.size, 0)
  const results: FileResult[] = []
  const inFlight = new Set<Promise<void>>()
  let done = 0
  let calls = 0
  let stop: SyncStop | undefined
  let lastRefusal: string | undefined

  const send = async (files: Read[]): Promise<void> => {
    const bytes = files.reduce((n, f) => n + f.bytes.length, 0)
    try {
      const saved = await saveMultipleFiles(
        run.member,
        files.map((f) => ({ path: f.path, bytes: f.bytes })),
        {
          signal: run.signal,
          onUploadProgress: (sent, of) => run.onProgress?.(done + Math.floor((bytes * sent) / Math.max(of, 1)), total),
        },
      )
      const at = now().toISOString()
      const confirmed: JournalEntry[] = []
      saved.files.forEach((s, k) => {
        const f = files[k]
        if (s.ok) confirmed.push({ op: 'put', path: f.path, hash: f.hash, size: f.bytes.length, url: s.url, at })
        results.push(
          s.ok
            ? { path: f.path, op: 'upload', ok: true, url: s.url, bytes: f.bytes.length }
            : { path: f.path, op: 'upload', ok: false, error: reasonFor(saved.message, f.path) },
        )
      })
      await run.state.record(confirmed)
      lastRefusal = undefined
    } catch (e) {
      const error = describeFailure(e, 'xmlStorageSystem.saveMultipleFiles', run.member.client.url)
      // The same refusal twice in a row is about the account, not these files: stop asking.
      if (stopsTheRun(e) || error.message === lastRefusal) stop ??= { error, pending: [] }
      if (stop?.error === error) stop.pending.push(...files.map((f) => f.path))
      else for (const f of files) results.push({ path: f.path, op: 'upload', ok: false, error: error.message })
      lastRefusal = error.message
    }
    done += bytes
    run.onProgress?.(done, total)
  }

  // The next batch is read from disk while the server works on the ones in flight.
  let reading = run.batches.length > 0 ? readBatch(run.batches[0]) : undefined
  let i = 0
  for (; i < run.batches.length && !stop; i++) {
    const { files, gone } = await reading!
    results.push(...gone)
    reading = i + 1 < run.batches.length ? readBatch(run.batches[i + 1]) : undefined
    reading?.catch(() => undefined) // awaited next round; not left unhandled if the run stops first
    const last = i === run.batches.length - 1
    while (inFlight.size > 0 && (last || inFlight.size >= (run.window ?? 2))) await Promise.race(inFlight)
    if (stop) break
    if (run.signal?.aborted) {
      stop = cancelled([])
      break
    }
    if (files.length === 0) continue
    calls++
    const call: Promise<void> = send(files).finally(() => inFlight.delete(call))
    inFlight.add(call)
  }
  await Promise.all(inFlight)
  if (stop)
    stop.pending.push(
      ...run.batches
        .slice(i)
        .flat()
        .map((f) => f.path),
    )
  return stop ? { results, calls, stop } : { results, calls }
}

type ReadBatch = { files: Read[]; gone: FileResult[] }

async function readBatch(batch: readonly LocalFile[]): Promise<ReadBatch> {
  const out: ReadBatch = { files: [], gone: [] }
  const read = await Promise.all(
    batch.map((f) =>
      f.read().then(
        (r) => ({ path: f.path, ...r }),
        (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)),
      ),
    ),
  )
  read.forEach((r, k) => {
    if (r) out.files.push(r)
    else
      out.gone.push({
        path: batch[k].path,
        op: 'upload',
        ok: false,
        error:
          'The file was removed from the site folder during the sync; it will be deleted from the server next time.',
      })
  })
  return out
}
