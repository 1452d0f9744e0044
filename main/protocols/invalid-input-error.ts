import { appError, type AppError } from '../../shared/errors'

/** Something we refuse before any network call (an empty title on a new thread, say). */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError'
  readonly kind = 'invalid-input' as const

  constructor(
    message: string,
    /** The field at fault, for the form that shows it. */
    readonly field?: string,
  ) {
    super(message)
  }

  toAppError(): AppError {
    return appError('invalid-input', this.message, this.field === undefined ? undefined : { field: this.field })
  }
}
