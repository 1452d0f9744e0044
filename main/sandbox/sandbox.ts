import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir } from 'node:fs/promises'
import { createXmlRpcServer } from '../xmlrpc/server'
import { registerValidator1 } from '../xmlrpc/validator1'
import type { SandboxContext } from './context'
import { serveFile } from './http-files'
import { Members, type Member } from './members'
import { TypeMap } from './type-map'
import { webHostPut } from './webhost'

export interface SandboxOptions {
  dir: string
  /** 0 picks a free port. When `port` is taken and `fallbackToFreePort` is set, another is used. */
  port: number
  fallbackToFreePort?: boolean
  users?: { email: string; password: string }[]
}

export interface Sandbox {
  port: number
  /** The XML-RPC endpoint: http://127.0.0.1:PORT/RPC2 */
  endpoint: string
  baseUrl: string
  members: Members
  addMember(email: string, password: string): Promise<Member>
  close(): Promise<void>
}

/** A local community server on loopback: XML-RPC at /RPC2, published bytes over plain HTTP. */
export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  await mkdir(opts.dir, { recursive: true })
  const members = await Members.open(opts.dir)
  for (const u of opts.users ?? []) await members.add(u.email, u.password)
  const types = await TypeMap.open(opts.dir)
  let port = 0
  const ctx: SandboxContext = {
    dir: opts.dir,
    baseUrl: () => `http://127.0.0.1:${port}`,
    limits: { maxFileSize: 40 * 1024 * 1024, maxBytesPerUser: 1024 * 1024 * 1024, legalFileExtensions: [] },
    recordType: (file, type) => types.set(file, type),
    typeOf: (file) => types.get(file),
  }
  const rpc = createXmlRpcServer({ title: 'Upstream sandbox', maxBodyBytes: 64 * 1024 * 1024 })
  registerValidator1(rpc)
  rpc.register('webHost.put', webHostPut(ctx, members), {
    signature: [['struct', 'struct']],
    help: 'Stores pageTable.bytes at pageTable.relativePath in the member’s space and returns {url}. Members sign in with e-mail and password.',
  })

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/RPC2') return rpc.handle(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' })
      return void res.end()
    }
    serveFile(ctx, req, res).catch(() => res.destroy())
  })
  port = await listen(server, opts.port, opts.fallbackToFreePort ?? false)
  return {
    port,
    endpoint: `${ctx.baseUrl()}/RPC2`,
    baseUrl: ctx.baseUrl(),
    members,
    addMember: (email, password) => members.add(email, password),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function listen(server: Server, port: number, fallback: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' && fallback && port !== 0) listen(server, 0, false).then(resolve, reject)
      else reject(e)
    })
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}
