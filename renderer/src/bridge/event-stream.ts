import { HOST_EVENTS_PATH, HOST_TOKEN_HEADER } from '../../../shared/api'
import type { HostConnection } from './http-invoke'
import { lineSplitter, parseEventLine, type EventLine } from './ndjson'

export type StreamStatus = 'open' | 'closed' | 'refused'

export interface EventStreamOptions {
  conn: HostConnection
  onEvent: (line: EventLine) => void
  onStatus: (status: StreamStatus) => void
}

/** A connection that lasted this long was healthy, so the next drop starts the backoff afresh. */
const HEALTHY_MS = 5_000
const MAX_DELAY_MS = 30_000

/** Backoff with jitter, so many tabs don't reconnect in lock-step after the host restarts. */
export function reconnectDelay(attempt: number, random = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, 500 * 2 ** attempt)
  return ceiling / 2 + random() * (ceiling / 2)
}

/** Reads `GET /api-events` (NDJSON) and reconnects whenever it drops; returns stop(). */
export function startEventStream({ conn, onEvent, onStatus }: EventStreamOptions): () => void {
  const stop = new AbortController()
  void (async () => {
    await conn.ready
    let attempt = 0
    while (!stop.signal.aborted) {
      const openedAt = Date.now()
      let status: StreamStatus = 'closed'
      try {
        const res = await conn.fetch(new URL(HOST_EVENTS_PATH, conn.origin), {
          headers: { [HOST_TOKEN_HEADER]: conn.token, accept: 'application/x-ndjson' },
          signal: stop.signal,
          cache: 'no-store',
        })
        if (res.status === 401 || res.status === 403) status = 'refused'
        else if (res.ok && res.body) {
          onStatus('open')
          const push = lineSplitter((line) => {
            const parsed = parseEventLine(line)
            if (parsed) onEvent(parsed)
          })
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
          for (let r = await reader.read(); !r.done; r = await reader.read()) push(r.value)
        }
      } catch {
        // dropped or refused at the network level: reconnect below
      }
      if (stop.signal.aborted) return
      onStatus(status)
      attempt = Date.now() - openedAt > HEALTHY_MS ? 0 : attempt + 1
      await sleep(reconnectDelay(attempt), stop.signal)
    }
  })()
  return () => stop.abort()
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}
