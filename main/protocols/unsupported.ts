import { appError, type AppError } from '../../shared/errors'
import type { ServerProfile } from '../../shared/server-profile'
import { faultKindOf } from '../xmlrpc/classify-fault'

/**
 * A server that lacks a method is normal in this family (getMyDirectory, pleaseNotify and
 * mailPasswordToUser exist on RCS only), so it is a typed answer the UI can show, not a crash.
 */
export class UnsupportedError extends Error {
  override readonly name = 'UnsupportedError'
  readonly kind = 'unsupported' as const

  constructor(
    readonly method: string,
    /**
     * How we know: the server said "method not found", system.listMethods did not name it, or the
     * endpoint answered HTTP 404 (the `xmlrpc` npm server's way — or a wrong endpoint URL).
     */
    readonly reason: 'method-not-found' | 'not-listed' | 'http-404',
  ) {
    super(
      reason === 'http-404'
        ? `This server does not offer ${method}, or the account's URL is not its XML-RPC endpoint (it answered HTTP 404).`
        : `This server does not offer ${method}.`,
    )
  }

  toAppError(): AppError {
    return appError('unsupported', this.message, { method: this.method, reason: this.reason })
  }
}

/** Whether the server offers `method`: null when it has no introspection (we can only try). */
export function offers(profile: ServerProfile | undefined, method: string): boolean | null {
  if (!profile || profile.methods === null) return null
  const wanted = method.toLowerCase() // Frontier matches method names without regard to case
  return profile.methods.some((m) => m.toLowerCase() === wanted)
}

/** Refuses before sending when listMethods is known and lacks the method. */
export function ensureOffered(profile: ServerProfile | undefined, method: string): void {
  if (offers(profile, method) === false) throw new UnsupportedError(method, 'not-listed')
}

/** For methods used only when listed (Frontier's getMessage/getTopics, whose shapes are ours). */
export function ensureListed(profile: ServerProfile | undefined, method: string): void {
  if (offers(profile, method) !== true) throw new UnsupportedError(method, 'not-listed')
}

/** Did this call fail because the server has no such method (by the engine's classifier)? */
export function isMethodNotFound(e: unknown): boolean {
  return e instanceof UnsupportedError || faultKindOf(e) === 'method-not-found'
}
