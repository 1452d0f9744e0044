import type { EventName, Events, UpstreamApi } from '../../../shared/api'
import { startEventStream, type StreamStatus } from './event-stream'
import { httpInvoke, type HostConnection } from './http-invoke'

export interface BrowserBridge {
  api: UpstreamApi
  /** Event-stream health, so views can re-fetch what they may have missed while it was down. */
  onConnection(listener: (status: StreamStatus) => void): () => void
}

type Listener = (payload: unknown) => void

/** The contract over the browser host's HTTP API, generic over every channel and event. */
export function createBrowserBridge(conn: HostConnection): BrowserBridge {
  const listeners = new Map<string, Set<Listener>>()
  const statusListeners = new Set<(status: StreamStatus) => void>()
  let streaming = false

  const ensureStream = () => {
    if (streaming) return
    streaming = true
    startEventStream({
      conn,
      onEvent: ({ event, payload }) => {
        for (const listener of [...(listeners.get(event) ?? [])]) {
          try {
            listener(payload)
          } catch (err) {
            console.error(`A listener for ${event} failed`, err) // one bad view must not stop the stream
          }
        }
      },
      onStatus: (status) => statusListeners.forEach((l) => l(status)),
    })
  }

  const api: UpstreamApi = {
    invoke: (channel, ...input) => httpInvoke(conn, channel, input),
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      const l = listener as Listener
      set.add(l)
      ensureStream()
      return () => void set.delete(l)
    },
  }
  return {
    api,
    onConnection(listener) {
      statusListeners.add(listener)
      ensureStream()
      return () => void statusListeners.delete(listener)
    },
  }
}
