// Serves an XmlRpcServer on a loopback port for tests, at /RPC2.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { XmlRpcServer } from '../server'

export interface Listening {
  url: string
  port: number
  close(): Promise<void>
}

export async function listen(rpc: XmlRpcServer): Promise<Listening> {
  const server = createServer((req, res) => rpc.handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/RPC2`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** POSTs a body (text/xml unless told otherwise) and returns status, headers and text. */
export async function post(
  url: string,
  body: string,
  contentType = 'text/xml',
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(url, { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} })
  return { status: res.status, headers: res.headers, text: await res.text() }
}
