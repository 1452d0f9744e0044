import { LimitError, TransportError } from './errors'

/**
 * The clocks of one call, folded into a single AbortSignal for fetch and the body reader. The
 * signal's reason is already the typed error to throw, so whatever fetch reports on abort, the
 * caller sees why: the caller cancelled (aborted), no response headers in time (timeout), or
 * the whole call ran past its total time (a time limit: endless and trickling bodies end here).
 */
export interface Deadline {
  readonly signal: AbortSignal
  /**
   * A streamed body is flowing: the server is connected and reading, so the connect clock stops
   * and the total clock alone bounds the rest (a big upload to a slow reader is not a dead server).
   */
  bodyFlowing(): void
  /** Response headers arrived: the connect clock stops. */
  headersArrived(): void
  /** Phase clocks (transfer-limits.ts): request bytes taken, answer bytes read. */
  sent?(sent: number, total: number): void
  received?(bytes: number): void
  /** The typed error when the signal fired, else undefined. */
  reason(): Error | undefined
  dispose(): void
}

export interface DeadlineOptions {
  totalMs: number
  connectMs: number
  url: string
  host: string
  signal?: AbortSignal
}

export function startDeadline(o: DeadlineOptions): Deadline {
  const controller = new AbortController()
  const abort = (reason: Error): void => {
    if (!controller.signal.aborted) controller.abort(reason)
  }
  let connect: ReturnType<typeof setTimeout> | undefined = setTimeout(
    () => abort(new TransportError('timeout', `${o.host} sent no response within ${o.connectMs} ms`, { url: o.url })),
    o.connectMs,
  )
  // Armed second, so with equal times "no response" wins over "no complete answer".
  const total = setTimeout(
    () => abort(new LimitError('time', o.totalMs, `No complete answer from ${o.host} within ${o.totalMs} ms`, o.url)),
    o.totalMs,
  )
  const onCallerAbort = (): void =>
    abort(new TransportError('aborted', 'The call was cancelled', { url: o.url, cause: o.signal?.reason }))
  if (o.signal?.aborted) onCallerAbort()
  else o.signal?.addEventListener('abort', onCallerAbort, { once: true })

  return {
    signal: controller.signal,
    bodyFlowing() {
      clearTimeout(connect)
      connect = undefined
    },
    headersArrived() {
      clearTimeout(connect)
      connect = undefined
    },
    reason() {
      return controller.signal.aborted ? (controller.signal.reason as Error) : undefined
    },
    dispose() {
      clearTimeout(total)
      clearTimeout(connect)
      o.signal?.removeEventListener('abort', onCallerAbort)
    },
  }
}
