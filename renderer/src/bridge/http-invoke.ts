import { HOST_API_PREFIX, HOST_TOKEN_HEADER } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { asResult, isFailure, networkError, statusError } from './transport-errors'

export interface HostConnection {
  /** Origin of the browser host, e.g. http://127.0.0.1:5338 */
  origin: string
  /** The session token (main/host/sessions.ts); read at each call, so a pasted address can replace it. */
  token: string
  /** Settles once the tab's launch token has been exchanged; calls wait for it. */
  ready?: Promise<unknown>
  fetch: typeof fetch
}

/** One contract call over HTTP: `POST /api/<channel>` with `{input}`; always resolves. */
export async function httpInvoke<T>(conn: HostConnection, channel: string, input: unknown[]): Promise<Result<T>> {
  const body = input.length === 0 ? {} : { input: input[0] }
  let response: Response
  await conn.ready
  try {
    response = await conn.fetch(new URL(HOST_API_PREFIX + encodeURIComponent(channel), conn.origin), {
      method: 'POST',
      headers: { [HOST_TOKEN_HEADER]: conn.token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    })
  } catch (cause) {
    return { ok: false, error: networkError(cause) }
  }
  if (response.status !== 200) {
    // The body may still be a Result with a better message (e.g. a 413 from the size cap).
    const parsed: unknown = await response.json().catch(() => null)
    return isFailure(parsed) ? asResult<T>(parsed) : { ok: false, error: statusError(response.status) }
  }
  try {
    return asResult<T>(await response.json())
  } catch (cause) {
    return { ok: false, error: networkError(cause) }
  }
}
