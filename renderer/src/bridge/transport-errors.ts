import type { AppError } from '../../../shared/errors'
import type { Result } from '../../../shared/result'

/** The bridge never throws: every way a call can fail becomes a Result the UI can show. */
export function statusError(status: number): AppError {
  if (status === 401 || status === 403 || status === 421) {
    return {
      kind: 'auth',
      message:
        'Upstream refused this page’s access token. Open the app again with the address that “upstream serve” printed.',
      details: { status },
    }
  }
  return { kind: 'transport', message: `The Upstream host answered with HTTP ${status}.`, details: { status } }
}

export function networkError(cause: unknown): AppError {
  const why = cause instanceof Error ? cause.message : String(cause)
  return {
    kind: 'transport',
    message: 'Can’t reach the Upstream host. Is “upstream serve” still running?',
    details: { cause: why },
  }
}

export function isFailure(body: unknown): boolean {
  const r = body as { ok?: unknown; error?: { kind?: unknown; message?: unknown } } | null
  return r?.ok === false && typeof r.error?.kind === 'string' && typeof r.error.message === 'string'
}

/** Accepts only a well-formed Result envelope; anything else is reported, not trusted. */
export function asResult<T>(body: unknown): Result<T> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const r = body as { ok: unknown; value?: unknown; error?: unknown }
    if (r.ok === true) return { ok: true, value: r.value as T }
    if (isFailure(body)) return { ok: false, error: r.error as AppError }
  }
  return { ok: false, error: { kind: 'transport', message: 'The Upstream host sent an answer this page can’t read.' } }
}
