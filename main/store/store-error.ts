import { appError, type AppError, type ErrorKind, type JsonValue } from '../../shared/errors'

/**
 * What the store throws: a kind the UI can act on, a `code` (the errno code for disk failures,
 * EINVAL for bad input, ENOENT for a missing draft, ECORRUPT for a damaged file) and a sentence
 * for people. It is shaped like an AppError, so `isAppError` accepts it and `toAppError()` gives
 * the plain data that crosses IPC.
 */
export class StoreError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: { [key: string]: JsonValue },
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'StoreError'
  }

  toAppError(): AppError {
    return appError(this.kind, this.message, { code: this.code, ...this.details })
  }
}

// The cause in words, and what the person can do about it.
const reasons: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'Free some space'],
  EDQUOT: ['your disk quota is used up', 'Free some space'],
  EROFS: ['the data folder is on a read-only disk', 'Make the disk writable or choose another data folder'],
  EIO: ['the disk reported a read/write error', 'Check the disk and try again'],
  EACCES: ['permission to write the data folder was denied', "Check the data folder's permissions"],
  EPERM: ['the system refused the write', "Check the data folder's permissions"],
  EMFILE: ['too many files are open', 'Close some programs and try again'],
}

/**
 * Turns a disk failure into the message the UI shows, e.g. "Not saved: the disk is full (ENOSPC).
 * Free some space; your text is still in the editor." `what` names the thing that was not saved
 * when it is not the editor's text ("Settings not saved").
 */
export function diskError(cause: unknown, what: { lead?: string; keeps?: string } = {}): StoreError {
  if (cause instanceof StoreError) return cause
  const e = cause as NodeJS.ErrnoException
  const code = typeof e?.code === 'string' ? e.code : 'EUNKNOWN'
  const [reason, fix] = reasons[code] ?? [`the disk refused the write`, 'Try again']
  const lead = what.lead ?? 'Not saved'
  const keeps = what.keeps ?? 'your text is still in the editor'
  const details: { [key: string]: JsonValue } = {}
  if (typeof e?.path === 'string') details.path = e.path
  if (typeof e?.syscall === 'string') details.syscall = e.syscall
  return new StoreError('storage', code, `${lead}: ${reason} (${code}). ${fix}; ${keeps}.`, details, { cause })
}

/** A failure the system reported (errno code), as opposed to a bug or one of ours. */
export const isErrno = (e: unknown): e is NodeJS.ErrnoException =>
  !(e instanceof StoreError) && e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string'

export const invalidInput = (message: string): StoreError => new StoreError('invalid-input', 'EINVAL', message)
