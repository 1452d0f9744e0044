import { isAppError, type AppError } from '../../../shared/errors'
import { BlogFault } from '../../protocols/blog/blog-fault'
import { XmlRpcDisabledError } from '../../protocols/blog/xmlrpc-disabled-error'
import { CommunityError } from '../../protocols/community-error'
import { InvalidInputError } from '../../protocols/invalid-input-error'
import { UnsupportedError } from '../../protocols/unsupported'
import { StoreError } from '../../store/store-error'
import { toAppError } from '../../xmlrpc/errors'
import type { ErrorContext } from '../../xmlrpc/to-app-error'
import { AppFailure } from '../core/failure'

/** Any error a performer meets → an AppError with the server's words and what outcomeOf reads. */
export function errorOf(e: unknown, context: ErrorContext = {}): AppError {
  if (e instanceof CommunityError) {
    const error = e.toAppError()
    // A refusal the server says is temporary ("busy, try again") is retried, not shown as permanent.
    return e.faultKind === 'busy' ? { ...error, details: { ...error.details, classification: 'busy' } } : error
  }
  // Before isAppError: these carry a kind and a message too, but only toAppError adds the fix and the details.
  if (e instanceof BlogFault || e instanceof XmlRpcDisabledError) return e.toAppError()
  if (e instanceof UnsupportedError || e instanceof InvalidInputError || e instanceof StoreError) return e.toAppError()
  if (e instanceof AppFailure) return e.error
  if (isAppError(e)) return e
  return toAppError(e, context)
}
