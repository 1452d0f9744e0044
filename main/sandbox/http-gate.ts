import type { IncomingMessage, ServerResponse } from 'node:http'
import { allowedHosts, hostAllowed } from '../base/guards'
import { malformedPercent } from '../base/http-limits'

/**
 * What every request to the sandbox passes first. It listens on loopback only, so a `Host` other
 * than 127.0.0.1:PORT or localhost:PORT is a page on another name rebound to us (DNS rebinding):
 * 421. A URL with a malformed `%` is the client's mistake: 400, never a 500. Returns true when it
 * answered.
 */
export function refusedAtGate(port: number, req: IncomingMessage, res: ServerResponse): boolean {
  if (!hostAllowed(req, allowedHosts(port)))
    return plain(res, 421, `This sandbox answers only to 127.0.0.1:${port} and localhost:${port}.`)
  if (malformedPercent(req.url)) return plain(res, 400, 'The URL has a "%" that is not followed by two hex digits.')
  return false
}

function plain(res: ServerResponse, status: number, text: string): true {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
  res.end(text)
  return true
}
