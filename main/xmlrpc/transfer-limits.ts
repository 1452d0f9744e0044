import type { Deadline } from './deadline'
import { LimitError, TransportError } from './errors'

/**
 * How long a call may take, by phase, instead of one total: a 20 MB photo over a slow link is not
 * a dead server, and a server that stops reading, never answers or trickles its answer is.
 */
export interface TransferLimits {
  /** Until the server takes the first bytes of the request (or answers, for a small one). */
  connectMs: number
  /** While sending: no bytes moving for this long ends the call. */
  sendStallMs: number
  /** The whole request sent: the answer must begin within this (generous: a big upload is processed first). */
  answerBeginMs: number
  /** While receiving the answer: at least this many bytes per second, measured over receiveWindowMs. */
  minReceiveBytesPerSec: number
  receiveWindowMs: number
}

export const DEFAULT_TRANSFER_LIMITS: TransferLimits = {
  connectMs: 15_000,
  sendStallMs: 30_000,
  answerBeginMs: 5 * 60_000,
  minReceiveBytesPerSec: 256,
  receiveWindowMs: 30_000,
}

/** A Deadline that also hears of bytes moving, so each phase has its own clock. */
export interface TransferDeadline extends Deadline {
  /** Upload progress: `sent` of `total` request bytes taken by the connection. */
  sent(sent: number, total: number): void
  /** Answer bytes read. */
  received(bytes: number): void
}

export interface TransferLimitOptions {
  limits: TransferLimits
  url: string
  host: string
  signal?: AbortSignal
  /** An overall cap a caller asked for (a quick probe); none by default. */
  totalMs?: number
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`

/**
 * The clocks of one call: connect → send (stall clock, reset by every chunk taken) → answer-begin
 * → receive (a rate check per window). Each fires as the typed error to throw: a stall after the
 * request was fully sent is a lost answer (TransportError 'timeout', which the queue treats as
 * "unknown" for a call that is not idempotent). The caller's abort ends the call at once.
 */
export function startTransferLimits(o: TransferLimitOptions): TransferDeadline {
  const { limits } = o
  const controller = new AbortController()
  const abort = (reason: Error): void => {
    if (!controller.signal.aborted) controller.abort(reason)
    clear()
  }
  let phase: ReturnType<typeof setTimeout> | undefined
  let total: ReturnType<typeof setTimeout> | undefined
  let rate: ReturnType<typeof setInterval> | undefined
  let windowBytes = 0
  let answering = false
  const arm = (ms: number, error: () => Error): void => {
    clearTimeout(phase)
    phase = setTimeout(() => abort(error()), ms)
  }
  const clear = (): void => {
    clearTimeout(phase)
    clearTimeout(total)
    clearInterval(rate)
  }
  arm(
    limits.connectMs,
    () =>
      new TransportError('timeout', `${o.host} sent no response within ${seconds(limits.connectMs)}`, { url: o.url }),
  )
  if (o.totalMs !== undefined) {
    const ms = o.totalMs
    total = setTimeout(
      () => abort(new LimitError('time', ms, `No complete answer from ${o.host} within ${ms} ms`, o.url)),
      ms,
    )
  }
  const onCallerAbort = (): void =>
    abort(new TransportError('aborted', 'The call was cancelled', { url: o.url, cause: o.signal?.reason }))
  if (o.signal?.aborted) onCallerAbort()
  else o.signal?.addEventListener('abort', onCallerAbort, { once: true })

  const stalled = () =>
    new TransportError(
      'timeout',
      `${o.host} stopped taking the request: no bytes moved for ${seconds(limits.sendStallMs)}. Nothing was processed yet; it is safe to send again.`,
      { url: o.url },
    )
  const noAnswer = () =>
    new TransportError(
      'timeout',
      `${o.host} took the whole request but no answer began within ${seconds(limits.answerBeginMs)}: it may have acted on it.`,
      { url: o.url },
    )

  return {
    signal: controller.signal,
    sent(sent, totalBytes) {
      if (controller.signal.aborted || answering) return
      if (sent >= totalBytes) arm(limits.answerBeginMs, noAnswer)
      else arm(limits.sendStallMs, stalled)
    },
    bodyFlowing() {
      if (!controller.signal.aborted && !answering) arm(limits.sendStallMs, stalled)
    },
    headersArrived() {
      if (controller.signal.aborted) return
      answering = true
      clearTimeout(phase)
      const need = (limits.minReceiveBytesPerSec * limits.receiveWindowMs) / 1000
      rate = setInterval(() => {
        if (windowBytes < need)
          abort(
            new LimitError(
              'time',
              limits.receiveWindowMs,
              `${o.host} sent its answer too slowly (${windowBytes} bytes in ${seconds(limits.receiveWindowMs)}; at least ${limits.minReceiveBytesPerSec} bytes a second are needed)`,
              o.url,
            ),
          )
        windowBytes = 0
      }, limits.receiveWindowMs)
    },
    received(bytes) {
      windowBytes += bytes
    },
    reason() {
      return controller.signal.aborted ? (controller.signal.reason as Error) : undefined
    },
    dispose() {
      clear()
      o.signal?.removeEventListener('abort', onCallerAbort)
    },
  }
}
