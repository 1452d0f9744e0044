import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createXmlRpcServer } from '../../../xmlrpc/server'
import type { XmlRpcValue } from '../../../xmlrpc/values'
import type { Fault } from './fault-plan'
import { registerFakeDiscussion, type FakeDiscussion } from './fault-methods'

export interface FaultServerOptions {
  /** Decides each call's fault, after its method ran (so a newMessage is committed, then the answer is lost). */
  fault?: (method: string, params: XmlRpcValue[]) => Fault | undefined
  /** How long a `slow` answer takes (the client's timeout should be shorter). */
  slowMs?: number
  /** The server's clock (shared with the queue's injected clock in the soak). */
  now?: () => Date
  members?: { email: string; password: string }[]
}

export interface FaultServer extends FakeDiscussion {
  endpoint: string
  /** Faults injected so far, by kind. */
  injected: Record<Fault, number>
  close(): Promise<void>
}

type Marked = IncomingMessage & { fault?: Fault }

/**
 * Our fault-injecting peer on loopback: a discussion group (newMessage, saveMessage, getTopics,
 * getMessage) and webHost.put over main/xmlrpc/server.ts. A call picked for a fault is carried
 * out and committed first; then its answer is dropped, the connection reset, sent too late, or
 * replaced by an HTTP 503 with Retry-After. It counts every commit, so duplicates are visible.
 */
export async function startFaultServer(opts: FaultServerOptions = {}): Promise<FaultServer> {
  const rpc = createXmlRpcServer({ title: 'Upstream queue fault server' })
  const injected: Record<Fault, number> = { drop: 0, reset: 0, slow: 0, 'busy-503': 0 }
  const pick = (method: string, req: Marked, params: XmlRpcValue[]) => {
    const f = opts.fault?.(method, params)
    if (f) req.fault = f
  }
  const state = registerFakeDiscussion(rpc, { now: opts.now ?? (() => new Date()), members: opts.members ?? [], pick })
  const http = createServer((req: Marked, res) => {
    wrap(req, res, opts.slowMs ?? 1_000, injected)
    rpc.handle(req, res)
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const port = (http.address() as AddressInfo).port
  return {
    ...state,
    endpoint: `http://127.0.0.1:${port}/RPC2`,
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  }
}

/** Applies the request's fault, if its handler picked one, when the answer is about to go out. */
function wrap(req: Marked, res: ServerResponse, slowMs: number, injected: Record<Fault, number>): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers: Record<string, string>) => ServerResponse
  const end = res.end.bind(res) as (body?: unknown) => ServerResponse
  let head: [number, Record<string, string>] | undefined
  res.writeHead = ((status: number, headers: Record<string, string>) => (
    (head = [status, headers]),
    res
  )) as typeof res.writeHead
  res.end = ((body?: unknown) => {
    const fault = req.fault
    if (fault) injected[fault] += 1
    if (fault === 'drop') req.socket.destroy()
    else if (fault === 'reset') req.socket.resetAndDestroy()
    else if (fault === 'busy-503') {
      writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '1', Connection: 'close' })
      end('<html><body>Busy. Try again in a second.</body></html>')
    } else {
      const send = () => {
        if (req.socket.destroyed) return
        if (head) writeHead(...head)
        end(body)
      }
      if (fault === 'slow') setTimeout(send, slowMs).unref()
      else send()
    }
    return res
  }) as typeof res.end
}
