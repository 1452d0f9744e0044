import { createServer, type RequestListener, type Server } from 'node:http'
import { createServer as createTlsServer, type ServerOptions } from 'node:https'
import type { AddressInfo } from 'node:net'

export interface HttpPeer {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

/** A small real HTTP(S) server on 127.0.0.1:0 for tests that need a misbehaving peer. */
export async function startHttp(handler: RequestListener, tls?: ServerOptions): Promise<HttpPeer> {
  const server: Server = tls ? createTlsServer(tls, handler) : createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/RPC2`,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Reads a request body fully (the handlers here are test peers, bodies are small). */
export function readRequest(req: Parameters<RequestListener>[0]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A port nothing listens on: bound then released (the fetch spec blocks ports like 9). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
