import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir } from 'node:fs/promises'
import { createLimitedServer } from '../base/http-limits'
import type { Lock } from '../store/locks'
import { createXmlRpcServer } from '../xmlrpc/server'
import { registerValidator1 } from '../xmlrpc/validator1'
import { registerBlog } from './blog'
import { Comments } from './comments'
import type { SandboxContext } from './context'
import { registerDiscuss } from './discuss'
import { Discussions } from './discuss-store'
import { FileStore } from './file-store'
import { resolveLimits, type SandboxLimits } from './limits'
import { Members, type Member } from './members'
import { registerRadioCommunity } from './radio-community'
import { refusedAtGate } from './http-gate'
import { requestCaps } from './request-caps'
import { route } from './routes'
import { requestAddress } from './sign-in-limiter'
import { callerAddress } from './xml-storage-common'
import { sweepTemps } from './state-file'
import { lockStateFolder } from './state-lock'
import { Subscriptions } from './subscriptions'
import { registerWebHost } from './webhost'
import { registerWeblogUpdates, WeblogUpdates } from './weblog-updates'
import { registerXmlStorage } from './xml-storage'

export interface SandboxOptions {
  /** The data directory: every bit of state lives here and survives a restart. */
  dir: string
  /** 0 picks a free port. When `port` is taken and `fallbackToFreePort` is set, another is used. */
  port: number
  fallbackToFreePort?: boolean
  /** Members to have, with exactly these passwords (an existing e-mail gets the password given). */
  users?: { email: string; password: string }[]
  /** Discussion groups besides `sandbox`, which always exists. */
  groups?: string[]
  /** Upload limits, enforced and advertised (defaults in ./limits). */
  limits?: Partial<SandboxLimits>
  /** Shown on pages, in mails and as the community's name. */
  title?: string
  /** The clock; tests move it. */
  now?: () => Date
  /** Open connections at once (default 256); idle ones are closed after 30 s (main/base/http-limits.ts). */
  maxConnections?: number
}

export interface Sandbox {
  port: number
  /** The XML-RPC endpoint: http://127.0.0.1:PORT/RPC2 */
  endpoint: string
  baseUrl: string
  dir: string
  members: Members
  addMember(email: string, password: string): Promise<Member>
  /** The discussion groups' names. */
  groups(): string[]
  limits: SandboxLimits
  /** Settles when every pleaseNotify callback started so far has been made. */
  idle(): Promise<void>
  close(): Promise<void>
}

/** A local community server on loopback: XML-RPC at /RPC2, published bytes over plain HTTP. */
export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const now = opts.now ?? (() => new Date())
  await mkdir(opts.dir, { recursive: true })
  const limits = resolveLimits(opts.limits)
  const lock = await lockStateFolder(opts.dir)
  try {
    return await serve(opts, limits, now, lock)
  } catch (e) {
    await lock.release()
    throw e
  }
}

async function serve(opts: SandboxOptions, limits: SandboxLimits, now: () => Date, lock: Lock): Promise<Sandbox> {
  await sweepTemps(opts.dir) // what writes a crash interrupted left, before anything reads the folder
  const members = await Members.open(opts.dir, now)
  for (const u of opts.users ?? []) await members.ensure(u.email, u.password)
  const files = await FileStore.open(opts.dir, now)
  const discussions = await Discussions.open(opts.dir, ['sandbox', ...(opts.groups ?? [])], now)
  const subscriptions = await Subscriptions.open(opts.dir, now)
  const updates = await WeblogUpdates.open(opts.dir, now)
  const comments = await Comments.open(opts.dir, now)
  let port = 0
  const ctx: SandboxContext = {
    dir: opts.dir,
    baseUrl: () => `http://127.0.0.1:${port}`,
    port: () => port,
    title: opts.title ?? 'Upstream sandbox',
    limits,
    now,
    members,
    files,
    discussions,
    subscriptions,
    changed: (paths) => subscriptions.notify(paths),
  }
  files.onChange = ctx.changed
  files.addUsage((usernum) => {
    const member = members.byUsernum(usernum)
    return member ? discussions.bytesBy(member.email) : 0
  })

  const caps = requestCaps(limits)
  const rpc = createXmlRpcServer({ title: ctx.title, maxBodyBytes: caps.max, maxBodyBytesFor: caps.capFor })
  registerValidator1(rpc)
  registerRadioCommunity(rpc, ctx)
  registerXmlStorage(rpc, ctx)
  registerWeblogUpdates(rpc, ctx, updates)
  registerDiscuss(rpc, ctx)
  registerWebHost(rpc, ctx)
  await registerBlog(rpc, ctx)

  const server = createLimitedServer(
    (req, res) => {
      if (refusedAtGate(port, req, res)) return
      const path = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname
      if (path === '/RPC2') return void requestAddress.run(callerAddress(req), () => rpc.handle(req, res))
      route(ctx, comments, updates, req, res).catch(() => {
        if (res.headersSent) res.destroy()
        else {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          res.end('The Upstream sandbox failed to answer this request.')
        }
      })
    },
    { maxConnections: opts.maxConnections },
  )
  port = await listen(server, opts.port, opts.fallbackToFreePort ?? false)
  return {
    port,
    endpoint: `${ctx.baseUrl()}/RPC2`,
    baseUrl: ctx.baseUrl(),
    dir: opts.dir,
    members,
    addMember: (email, password) => members.add(email, password),
    groups: () => discussions.names(),
    limits,
    idle: () => subscriptions.idle(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
      await subscriptions.close()
      await lock.release()
    },
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
