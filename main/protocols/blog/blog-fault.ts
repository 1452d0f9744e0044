import { appError, type AppError } from '../../../shared/errors'
import { classifyFault } from '../../xmlrpc/classify-fault'
import type { XmlRpcFault } from '../../xmlrpc/fault'

/**
 * A blog server refused a call. WordPress speaks in HTTP-like codes: 403 is a bad login, 401 a
 * signed-in user lacking the right ("Sorry, you are not allowed to edit this post."), 404 an
 * unknown post. classifyFault reads 401 as a login problem, which on WordPress it is not, so the
 * codes are read here first and the engine's text patterns serve the other engines.
 */
export type BlogFaultKind = 'auth' | 'forbidden' | 'not-found' | 'busy' | 'other'

export class BlogFault extends Error {
  override readonly name = 'BlogFault'

  constructor(
    readonly method: string,
    readonly faultKind: BlogFaultKind,
    readonly faultCode: number,
    /** The server's own words. */
    readonly faultString: string,
  ) {
    super(`${method} was refused (fault ${faultCode}: “${faultString}”).`)
  }

  /** What kind of refusal this is, WordPress's codes first. */
  static fromFault(method: string, f: XmlRpcFault): BlogFault {
    return new BlogFault(method, blogFaultKind(f.faultCode, f.faultString), f.faultCode, f.faultString)
  }

  /** The AppError kind decides what the queue does: auth and not-found wait for a person. */
  get kind(): 'auth' | 'not-found' | 'fault' {
    return this.faultKind === 'auth' ? 'auth' : this.faultKind === 'not-found' ? 'not-found' : 'fault'
  }

  toAppError(): AppError {
    const said = `(fault ${this.faultCode}: “${this.faultString}”)`
    const details = {
      method: this.method,
      faultCode: this.faultCode,
      faultString: this.faultString,
      classification: this.faultKind,
    }
    switch (this.faultKind) {
      case 'auth':
        return appError(
          'auth',
          `The blog refused the login ${said}. Check the user name and password in the account settings; Upstream does not try the same password again on its own.`,
          details,
        )
      case 'forbidden':
        return appError(
          'fault',
          `The blog says this account may not do that ${said}. Ask the blog's administrator for a role that allows it (an author can only edit their own posts).`,
          details,
        )
      case 'not-found':
        return appError(
          'not-found',
          `The blog has no such post or blog ${said}. It may have been deleted on the server.`,
          details,
        )
      case 'busy':
        return appError('fault', `The blog is busy ${said}. Try again in a few minutes.`, details)
      default:
        return appError(
          'fault',
          `The blog answered ${this.method} with fault ${this.faultCode}: “${this.faultString}”.`,
          details,
        )
    }
  }
}

export function blogFaultKind(code: number, text: string): BlogFaultKind {
  if (code === 403) return 'auth'
  if (code === 401) return 'forbidden'
  if (code === 404) return 'not-found'
  const kind = classifyFault({ faultCode: code, faultString: text })
  return kind === 'auth' || kind === 'busy' ? kind : 'other'
}
