import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultCodes, XmlRpcFault } from '../xmlrpc/fault'
import { createXmlRpcServer } from '../xmlrpc/server'
import type { XmlRpcValue } from '../xmlrpc/values'
import type { NotifyRegistration } from './please-notify'

export interface NotifyListenerOptions {
  /** Receives each URL a server says has changed. */
  onNotify: (url: string) => void
  /** 127.0.0.1 by default; a server elsewhere needs an address it can reach ('0.0.0.0'). */
  host?: string
  /** 0 (default) picks a free port. */
  port?: number
  path?: string
  /** The method name servers call back; sent to them as pleaseNotify's notifyProcedure. */
  procedure?: string
}

export interface NotifyListener {
  /** What to pass to pleaseNotify / requestNotification. */
  registration: NotifyRegistration
  url: string
  close(): Promise<void>
}

/**
 * The publish/subscribe callback: our own XML-RPC server on a local port, answering
 * `procedure(url)` with true (what RCS expects) and handing the URL to `onNotify`. Besides the
 * engine's system.* introspection nothing else is served, and only on `path`: loopback by default,
 * since whatever is bound beyond it is reachable from the network.
 */
export async function startNotifyListener(opts: NotifyListenerOptions): Promise<NotifyListener> {
  const host = opts.host ?? '127.0.0.1'
  const path = opts.path ?? '/RPC2'
  const procedure = opts.procedure ?? 'upstream.notify'
  const rpc = createXmlRpcServer({ title: 'Upstream notifications', maxBodyBytes: 64 * 1024 })
  rpc.register(
    procedure,
    async (params: XmlRpcValue[]) => {
      const [url] = params
      if (params.length !== 1 || typeof url !== 'string')
        throw new XmlRpcFault(FaultCodes.invalidParams, `${procedure} takes one string, the URL that changed.`)
      try {
        opts.onNotify(url)
      } catch {
        // The server did its part; our consumer's failure is not its concern.
      }
      return true
    },
    {
      signature: [['boolean', 'string']],
      help: 'Called by a community server when a URL we subscribed to with pleaseNotify changes.',
    },
  )
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === path) return rpc.handle(req, res)
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    registration: { notifyProcedure: procedure, port, path, protocol: 'xml-rpc' },
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
