import { appError, type AppError, type ErrorKind } from '../../../shared/errors'

/** Thrown inside the core for an expected failure; dispatch turns it into a failed Result. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

export const failWith = (kind: ErrorKind, message: string, details?: AppError['details']): never => {
  throw new AppFailure(appError(kind, message, details))
}
