import { createServer, type RequestListener, type Server } from 'node:http'

export interface ConnectionLimits {
  /** Open sockets at once; more are closed as they arrive. */
  maxConnections: number
  /** A socket with no traffic for this long is closed (slow or held connections). */
  idleMs: number
  /** The request line and headers must arrive within this long. */
  headersMs: number
}

export const defaultConnectionLimits: ConnectionLimits = { maxConnections: 256, idleMs: 30_000, headersMs: 15_000 }

/**
 * Bounds what held or trickling connections can take (file handles, memory): a cap on open
 * sockets, and idle, header and keep-alive timeouts. Long answers that keep sending (the host's
 * event stream beats every 15 s) are not idle.
 */
export function limitConnections(server: Server, limits: Partial<ConnectionLimits> = {}): void {
  const l = { ...defaultConnectionLimits }
  for (const [k, v] of Object.entries(limits)) if (v !== undefined) l[k as keyof ConnectionLimits] = v
  server.maxConnections = l.maxConnections
  server.headersTimeout = l.headersMs
  server.keepAliveTimeout = Math.min(5_000, l.idleMs)
  server.setTimeout(l.idleMs, (socket) => socket.destroy())
}

/** An HTTP server with these limits; header deadlines are checked every second (Node's default is 30 s). */
export function createLimitedServer(handler: RequestListener, limits: Partial<ConnectionLimits> = {}): Server {
  const server = createServer({ connectionsCheckingInterval: 1_000 }, handler)
  limitConnections(server, limits)
  return server
}

/** Whether a request target's path has a `%` that is not followed by two hex digits, or decodes to bad UTF-8. */
export function malformedPercent(target: string | undefined): boolean {
  const path = (target ?? '/').split(/[?#]/)[0]
  try {
    decodeURIComponent(path)
    return false
  } catch {
    return true
  }
}
