import type { ServerResponse } from 'node:http'
import type { Core } from '../app/core/core-types'

/**
 * Events go to the page as NDJSON over a long-lived response to a fetch that carried the token
 * header (EventSource can't send headers). Blank lines every 15 s keep proxies and idle timers away.
 */
export function streamEvents(core: Core, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.write('\n')
  const off = core.onEvent((event, payload) => res.write(JSON.stringify({ event, payload }) + '\n'))
  const beat = setInterval(() => res.write('\n'), 15_000)
  res.on('close', () => {
    clearInterval(beat)
    off()
  })
}
