import type { IncomingMessage } from 'node:http'

/**
 * DNS-rebinding and cross-origin defence. A page on evil.example that rebinds its name to
 * 127.0.0.1 still sends `Host: evil.example`, so only our exact host:port is accepted; a browser
 * sends Origin on cross-origin requests, and any origin but ours is refused. No CORS headers are
 * ever sent, so other origins can't read answers either.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function hostAllowed(req: IncomingMessage, hosts: Set<string>): boolean {
  const host = req.headers.host
  return typeof host === 'string' && hosts.has(host.toLowerCase())
}

export function originAllowed(req: IncomingMessage, hosts: Set<string>): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true // same-origin GETs and non-browser clients send none
  try {
    const u = new URL(origin)
    return u.protocol === 'http:' && hosts.has(u.host)
  } catch {
    return false
  }
}
