import { createRequire } from 'node:module'
import type { Server } from 'node:http'
import type { Peer } from './python-peer'

type Handler = (err: unknown, params: unknown[], reply: (err: unknown, value?: unknown) => void) => void
interface NpmServer {
  httpServer: Server
  on(method: string, handler: Handler): void
  close(cb: () => void): void
}
interface NpmXmlrpc {
  createServer(options: { host: string; port: number }, onListening: () => void): NpmServer
}

// The package is CommonJS without types; load it as the interop peer it is.
const xmlrpc = createRequire(import.meta.url)('xmlrpc') as NpmXmlrpc

/** The `xmlrpc` npm package's server with a few methods; an unknown method gets its bare HTTP 404. */
export function startNpmServer(): Promise<Peer> {
  return new Promise((resolve) => {
    const server = xmlrpc.createServer({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.httpServer.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({ url: `http://127.0.0.1:${port}/RPC2`, close: () => new Promise((done) => server.close(done)) })
    })
    server.on('echo', (_err, params, reply) => reply(null, params[0]))
    server.on('add', (_err, params, reply) => reply(null, (params[0] as number) + (params[1] as number)))
    server.on('fail', (_err, params, reply) => reply({ faultCode: params[0], faultString: params[1] }))
  })
}
