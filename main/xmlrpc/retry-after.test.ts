import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createXmlRpcClient } from './client'
import { toAppError } from './errors'

describe('Retry-After', () => {
  it('reaches the AppError the queue reads, so a busy server sets the wait', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'retry-after': '7', 'content-type': 'text/html' })
      res.end('<h1>Busy</h1>')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const client = createXmlRpcClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/RPC2`)
      const error = await client.call('x', []).then(
        () => undefined,
        (e: unknown) => toAppError(e),
      )
      expect(error).toMatchObject({ kind: 'transport', details: { code: 'http', status: 503, retryAfter: '7' } })
    } finally {
      server.close()
    }
  })
})
