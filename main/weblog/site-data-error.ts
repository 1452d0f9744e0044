import { appError } from '../../shared/errors'

/**
 * The site's own files cannot be used: a broken template, a damaged post, settings or sync state.
 * Nothing is sent or changed; the person fixes (or moves aside) the file named in the message.
 */
export class SiteDataError extends Error {
  override readonly name: string = 'SiteDataError'

  toAppError() {
    return appError('invalid-input', this.message)
  }
}
