import type { ServerResponse } from 'node:http'
import type { AppError } from '../../shared/errors'
import type { Result } from '../../shared/result'

const baseHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/** Refusals carry a Result too, so the bridge can show a typed error whatever went wrong. */
export function refuse(res: ServerResponse, status: number, error: AppError, extra: Record<string, string> = {}): void {
  const text = JSON.stringify({ ok: false, error } satisfies Result<never>)
  res.writeHead(status, {
    ...baseHeaders,
    ...extra,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}
