import { appError, type AppError, type JsonValue } from '../../shared/errors'
import type { Job, JobFile } from '../../shared/model'
import type { Outcome } from './outcome'

/** The files an attempt still has to send: every one not yet `sent`. */
export const filesToSend = (job: Job): JobFile[] => (job.files ?? []).filter((f) => f.status !== 'sent')

export type FileResult = { ok: true; url?: string; bytes?: number } | { ok: false; error: AppError }

/** The record with one file's result: a sent file keeps its URL, a failed one the server's words. */
export function recordFile(files: readonly JobFile[], path: string, result: FileResult, at: Date): JobFile[] {
  return files.map((f) => {
    if (f.path !== path) return f
    const { error: _old, ...rest } = f
    if (!result.ok) return { ...rest, status: 'failed', error: result.error, at: at.toISOString() }
    const sent: JobFile = { ...rest, status: 'sent', at: at.toISOString() }
    if (result.url !== undefined) sent.url = result.url
    if (result.bytes !== undefined) sent.bytes = result.bytes
    return sent
  })
}

/** One pending file, ready to go: how big it is and how to send it (idempotently). */
export interface FileToSend {
  path: string
  bytes: number
  send(progress: (sent: number) => void): Promise<{ url?: string; members?: { [key: string]: JsonValue } }>
}

// Which failure decides the attempt when files failed differently: the one needing most.
const weight = { attention: 3, offline: 2, retry: 1 } as const

/**
 * Sends pending files one call each. A transient failure of one file does not stop the others;
 * offline or a failure a person must fix does (the rest would fail the same way). Done only when
 * every file of the job is sent, so a retry re-sends exactly the files that are not.
 */
export async function sendEachFile(
  job: Job,
  items: readonly FileToSend[],
  classify: (e: unknown) => Outcome,
  now: () => Date,
  report: (sent: number, total: number) => void,
): Promise<Outcome> {
  let files = job.files ?? []
  const total = items.reduce((n, f) => n + f.bytes, 0)
  let before = 0
  let worst: Extract<Outcome, { kind: 'retry' | 'offline' | 'attention' }> | undefined
  let last: { url?: string; members?: { [key: string]: JsonValue } } = {}
  for (const item of items) {
    try {
      last = await item.send((sent) => report(before + sent, total))
      files = recordFile(files, item.path, { ok: true, url: last.url, bytes: item.bytes }, now())
    } catch (e) {
      const o = classify(e)
      if (o.kind === 'done' || o.kind === 'unknown')
        throw new Error(`a per-file send cannot end in ${o.kind}`, { cause: e })
      files = recordFile(files, item.path, { ok: false, error: o.error }, now())
      if (
        !worst ||
        weight[o.kind] > weight[worst.kind] ||
        (o.kind === 'retry' && worst.kind === 'retry' && (o.retryAfterMs ?? 0) > (worst.retryAfterMs ?? 0))
      )
        worst = o
      if (o.kind !== 'retry') break
    }
    before += item.bytes
    report(before, total)
  }
  if (worst) return { ...worst, files }
  const left = files.filter((f) => f.status !== 'sent').map((f) => f.path)
  if (left.length > 0)
    return {
      kind: 'attention',
      error: appError('internal', `Upstream did not send ${left.join(', ')}: nothing was prepared for them.`),
      files,
    }
  const first = files.find((f) => f.url !== undefined)
  return {
    kind: 'done',
    result: {
      ...(first?.url !== undefined ? { url: first.url } : {}),
      ...(last.members ? { members: last.members } : {}),
    },
    files,
  }
}
