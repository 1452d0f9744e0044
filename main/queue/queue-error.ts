import { appError, type AppError, type ErrorKind } from '../../shared/errors'

/** A queue action refused (unknown job, wrong state, another process runs the queue). */
export class QueueError extends Error {
  override readonly name = 'QueueError'
  readonly error: AppError

  constructor(kind: ErrorKind, message: string, details?: AppError['details']) {
    super(message)
    this.error = appError(kind, message, details)
  }
}
